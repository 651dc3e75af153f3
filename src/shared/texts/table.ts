import type { Locale } from '../errors';

// The shape of a table of server text. Every sentence the API sends that is not an error code's
// message (field issues, import problems, generated documents) is written once, in both
// languages, under a stable key; the reply carries it in the request's language.
export type TextParams = Record<string, string | number>;
export type Text = string | ((p: TextParams) => string);
export type TextTable = Record<string, Record<Locale, Text>>;

/** Keeps the literal keys of an area's table while checking that both languages are there. */
export const defineTexts = <const T extends TextTable>(table: T): T => table;
