export type Locale = 'id' | 'en';
const KEY = 'livinglab.locale';

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
