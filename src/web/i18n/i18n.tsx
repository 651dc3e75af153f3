import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import { getLocale, type Locale, storeLocale } from './locale-store';
import { id, type Messages } from './messages';

export type MessageKey = keyof Messages;

// Bahasa Indonesia comes with the app; the English texts are their own chunk, fetched the first
// time they are needed (at start for a reader who chose English, or on switching).
const dictionaries: Partial<Record<Locale, Messages>> = { id };

/** Makes sure the texts of `locale` are here (resolves at once when they are). */
export async function loadDictionary(locale: Locale): Promise<void> {
  if (!dictionaries[locale]) dictionaries[locale] = (await import('./messages.en')).en;
}

// Times are shown in the server's configured zone (REMINDER_TIME_ZONE), which /meta tells the
// web (features/auth/api.ts useMeta sets it); until that answer arrives, the default zone.
let displayZone = 'Asia/Jakarta';
const zoneListeners = new Set<() => void>();

export function setDisplayTimeZone(zone: string) {
  if (zone === displayZone) return;
  displayZone = zone;
  for (const listener of zoneListeners) listener();
}

const subscribeZone = (listener: () => void) => {
  zoneListeners.add(listener);
  return () => zoneListeners.delete(listener);
};

type Ctx = {
  locale: Locale;
  /** The zone times are shown in; part of the context so a change re-renders what shows times. */
  timeZone: string;
  setLocale: (l: Locale) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
};

const I18nContext = createContext<Ctx | null>(null);

/** main.tsx renders once loadDictionary(getLocale()) resolved, so the stored language is here. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => (dictionaries[getLocale()] ? getLocale() : 'id'));
  const timeZone = useSyncExternalStore(subscribeZone, () => displayZone);
  const setLocale = useCallback((l: Locale) => {
    storeLocale(l);
    // Switching stays on the current language until the other's texts arrived; if they cannot be
    // fetched (offline), the choice is kept for the next visit.
    loadDictionary(l).then(
      () => {
        document.documentElement.lang = l;
        setLocaleState(l);
      },
      () => undefined,
    );
  }, []);
  const value = useMemo<Ctx>(() => {
    const dict = dictionaries[locale] ?? id;
    return {
      locale,
      timeZone,
      setLocale,
      t: (key, vars) =>
        dict[key].replace(/\{(\w+)\}/g, (_m, name: string) =>
          vars?.[name] !== undefined ? String(vars[name]) : `{${name}}`,
        ),
    };
  }, [locale, timeZone, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): Ctx {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export function formatDateTime(iso: string | null, locale: Locale): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: displayZone,
  }).format(new Date(iso));
}

/**
 * A day: a calendar day (YYYY-MM-DD) as it is written, whatever the reader's zone; a moment (a
 * timestamp) as its day in the platform's time zone, not the UTC day.
 */
export function formatDate(iso: string | null, locale: Locale): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'long',
    timeZone: /^\d{4}-\d{2}-\d{2}$/.test(iso) ? 'UTC' : displayZone,
  }).format(new Date(iso));
}
