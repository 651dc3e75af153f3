// Drawing helpers for one-page PDFs: every piece of text is placed at a fixed position on a single
// line (or a fixed number of lines) and cut with "…" to its width, so nothing can flow onto a
// second page however long a name or a title is. The standard PDF fonts (Helvetica) encode
// Windows-1252 only: anything else becomes "?" rather than a wrong glyph.

export type Doc = PDFKit.PDFDocument;
export type Style = { size: number; bold?: boolean; color?: string };

// The characters Windows-1252 adds to Latin-1 in 0x80–0x9F (curly quotes, dashes, €, …).
const cp1252Extras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** The text in characters the standard fonts can show, on one line. */
export function printable(s: string): string {
  let out = '';
  for (const ch of s.replace(/\s+/g, ' ')) {
    const code = ch.codePointAt(0)!;
    const latin1 = (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff);
    out += latin1 || cp1252Extras.has(ch) ? ch : ch === '−' ? '-' : '?';
  }
  return out.trim();
}

function use(doc: Doc, style: Style) {
  doc
    .font(style.bold ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(style.size)
    .fillColor(style.color ?? '#111111');
}

/** The longest start of `s` that fits `width`, with "…" when it had to be cut. */
export function cutToWidth(doc: Doc, s: string, width: number): string {
  if (doc.widthOfString(s) <= width) return s;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(`${s.slice(0, mid).trimEnd()}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${s.slice(0, lo).trimEnd()}…`;
}

/** One line of text at (x, y), cut to `width`; right-aligned or centred within it on request. */
export function line(
  doc: Doc,
  s: string,
  x: number,
  y: number,
  width: number,
  style: Style,
  align: 'left' | 'right' | 'center' = 'left',
) {
  use(doc, style);
  const shown = cutToWidth(doc, printable(s), width);
  const w = doc.widthOfString(shown);
  const at = align === 'right' ? x + width - w : align === 'center' ? x + (width - w) / 2 : x;
  doc.text(shown, at, y, { lineBreak: false });
}

/** Words filled into at most `maxLines` lines of `width`; the last one cut with "…" if needed. */
export function wrap(doc: Doc, s: string, width: number, style: Style, maxLines: number): string[] {
  use(doc, style);
  const lines: string[] = [];
  let current = '';
  const words = printable(s).split(' ');
  for (let i = 0; i < words.length; i++) {
    const next = current ? `${current} ${words[i]}` : words[i]!;
    if (doc.widthOfString(next) <= width || !current) {
      current = next;
      continue;
    }
    if (lines.length === maxLines - 1) {
      current = `${current} ${words.slice(i).join(' ')}`;
      break;
    }
    lines.push(current);
    current = words[i]!;
  }
  if (current) lines.push(current);
  return lines.slice(0, maxLines).map((l) => cutToWidth(doc, l, width));
}

export type Column = { width: number; align?: 'left' | 'right' };

/**
 * A table at (x, y): a header row and at most `rows.length` rows of `rowHeight`, then the "and N
 * more" line or, with no rows, the empty sentence. Returns the height it took.
 */
export function table(
  doc: Doc,
  x: number,
  y: number,
  columns: Column[],
  t: { header: string[]; rows: string[][]; more: string | null; empty: string | null },
  rowHeight = 12,
): number {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const cells = (values: string[], top: number, style: Style) => {
    let left = x;
    columns.forEach((c, i) => {
      line(doc, values[i] ?? '', left + 2, top + 2.5, c.width - 4, style, c.align ?? 'left');
      left += c.width;
    });
  };
  if (t.empty && t.rows.length === 0) {
    line(doc, t.empty, x, y + 2, total, { size: 8, color: '#444444' });
    return rowHeight;
  }
  cells(t.header, y, { size: 7.5, bold: true, color: '#444444' });
  doc
    .moveTo(x, y + rowHeight)
    .lineTo(x + total, y + rowHeight)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
  let top = y + rowHeight;
  t.rows.forEach((row, i) => {
    if (i % 2 === 1) doc.rect(x, top, total, rowHeight).fill('#f1f3f5');
    cells(row, top, { size: 8 });
    top += rowHeight;
  });
  if (t.more) {
    line(doc, t.more, x + 2, top + 2.5, total - 4, { size: 7.5, color: '#444444' });
    top += rowHeight;
  }
  return top - y;
}

/** A section title with a thin rule under it; returns the height it took. */
export function heading(doc: Doc, s: string, x: number, y: number, width: number): number {
  line(doc, s, x, y, width, { size: 10, bold: true, color: '#1b2a6b' });
  doc
    .moveTo(x, y + 13)
    .lineTo(x + width, y + 13)
    .lineWidth(0.75)
    .strokeColor('#1b2a6b')
    .stroke();
  return 17;
}
