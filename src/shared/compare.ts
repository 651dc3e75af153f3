/**
 * Orders ASCII strings such as YYYY-MM-DD days and Kemendagri codes. `localeCompare` goes through
 * ICU collation (about a microsecond a call), which dominated sorting ~650 bodies per request.
 */
export const ascii = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
