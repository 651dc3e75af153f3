import { type CSSVariablesResolver, createTheme, type MantineTheme } from '@mantine/core';
import { getLocale } from './i18n/locale-store';
import { accessibleColourVariables } from './theme-colors';

// The one place where the app's look meets WCAG AA (axe-core runs on every main page in the
// browser journeys, tests/e2e/accessibility.test.ts): pages pick colours by name and never a shade.

export const PRIMARY_SHADE = 8;

export const theme = createTheme({
  // Indigo 8 on white is 5.7:1: links and primary buttons read at AA.
  primaryColor: 'indigo',
  primaryShade: PRIMARY_SHADE,
  defaultRadius: 'sm',
  components: {
    // Every toast's close button gets a name (screen readers announce it). Plain entries, not
    // Component.extend(): importing a component here would put it in the first script.
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': getLocale() === 'en' ? 'Close' : 'Tutup' } },
    },
    // A link inside a sentence must not be told apart by colour alone (WCAG 1.4.1): underlined,
    // everywhere, so no page has to remember it.
    Anchor: { defaultProps: { underline: 'always' } },
  },
});

/**
 * Light-scheme variables: Mantine's dimmed grey (gray 6, 3.3:1) and error red (red 6) are below AA
 * on white, and so are its coloured text and filled backgrounds for most hues (theme-colors.ts).
 */
export const cssVariablesResolver: CSSVariablesResolver = (t: MantineTheme) => {
  const colours = accessibleColourVariables(t.colors, PRIMARY_SHADE);
  return {
    variables: {},
    light: {
      ...colours,
      '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
      '--mantine-color-error': colours['--mantine-color-red-text']!,
      // Placeholders are hints, not content, yet gray 5 (2.1:1) is hard to read for anyone.
      '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    },
    dark: {},
  };
};
