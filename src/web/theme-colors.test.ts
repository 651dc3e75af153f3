import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { PRIMARY_SHADE } from './theme';
import { AA_NORMAL_TEXT, accessibleColourVariables, contrast, over } from './theme-colors';

describe('theme colours', () => {
  it('computes the WCAG contrast ratio', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    // Mantine's green 8 on white, the badge axe-core flagged.
    expect(contrast('#2f9e44', '#ffffff')).toBeCloseTo(3.45, 2);
  });

  it('makes every colour read at AA as text, on its light tint and under white text', () => {
    const vars = accessibleColourVariables(DEFAULT_THEME.colors, PRIMARY_SHADE);
    for (const [name, shades] of Object.entries(DEFAULT_THEME.colors)) {
      const text = vars[`--mantine-color-${name}-text`]!;
      const filled = vars[`--mantine-color-${name}-filled`]!;
      const hover = vars[`--mantine-color-${name}-filled-hover`]!;
      const tint = over(shades[PRIMARY_SHADE]!, 0.12, '#f1f3f5');
      expect(contrast(text, '#ffffff'), `${name} text on white`).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
      expect(contrast(text, tint), `${name} text on its tint`).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
      expect(contrast('#ffffff', filled), `white on ${name}`).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
      expect(contrast('#ffffff', hover), `white on hovered ${name}`).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
      expect(vars[`--mantine-color-${name}-light-color`]).toBe(text);
    }
  });

  it('keeps a shade that already reads and darkens only those that do not', () => {
    const vars = accessibleColourVariables(DEFAULT_THEME.colors, PRIMARY_SHADE);
    expect(vars['--mantine-color-indigo-filled']).toBe(DEFAULT_THEME.colors.indigo[8]);
    expect(vars['--mantine-color-red-filled']).toBe(DEFAULT_THEME.colors.red[9]);
    expect(contrast(vars['--mantine-color-yellow-filled']!, DEFAULT_THEME.colors.yellow[9])).toBeGreaterThan(
      1,
    );
  });
});
