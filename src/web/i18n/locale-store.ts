export type Locale = 'id' | 'en';
/** Where the choice is kept in the browser (also read by the browser journeys to open a page in a language). */
export const LOCALE_STORAGE_KEY = 'livinglab.locale';
const KEY = LOCALE_STORAGE_KEY;

// Bahasa Indonesia unless the user picked English (kept in this browser).
export function getLocale(): Locale {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export function storeLocale(locale: Locale) {
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
}
