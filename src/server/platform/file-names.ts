// File names that come from users (uploads) or carry user data (exports named after a body, a
// reference) are made safe here, in one place: for storing and showing, and for the
// Content-Disposition header of every download.

// Control characters (C0, DEL, C1) and the marks that reorder text on screen: a name like
// "invoice\u202Efdp.exe" shows as "invoiceexe.pdf". Also the line/paragraph separators.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const unsafeChars = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/g;
const loneSurrogates = /\p{Cs}/gu;

/** A display name: no path parts, control or bidi characters, at most 200 characters. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(unsafeChars, '').replace(loneSurrogates, '').trim();
  return (cleaned || 'berkas').slice(0, 200);
}

// Extensions that name the same detected type (file-type reports one per type).
const sameType: Record<string, string[]> = {
  jpg: ['jpg', 'jpeg'],
  cfb: ['doc', 'xls', 'ppt', 'dot', 'xlt', 'pot', 'msg'],
};

/**
 * The name an upload is kept under: cleaned, and ending in the extension of the type detected from
 * its bytes (`ext`, from file-type), so "polyglot.html" holding a PDF becomes "polyglot.pdf".
 */
export function uploadFileName(name: string | undefined, ext: string): string {
  const cleaned = cleanFileName(name);
  const m = /^(.*?)\.([A-Za-z0-9]{1,10})$/.exec(cleaned);
  const stem = m?.[1] || (m ? 'berkas' : cleaned);
  const given = m?.[2]?.toLowerCase();
  const keep = given !== undefined && (given === ext || (sameType[ext] ?? []).includes(given));
  const suffix = `.${keep ? given : ext}`;
  return `${stem.slice(0, 200 - suffix.length)}${suffix}`;
}

/**
 * The Content-Disposition of a download: an ASCII `filename` for old clients (quotes, backslashes,
 * `;`, `%` and anything outside printable ASCII become `_`, so nothing can close the quoted string
 * or add a parameter) and the exact name in `filename*` (RFC 6266/8187, percent-encoded UTF-8).
 */
export function attachment(name: string): string {
  const clean = cleanFileName(name);
  const ascii = clean.replace(/[^\x20-\x7e]|["\\;%]/g, '_');
  const encoded = encodeURIComponent(clean).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
