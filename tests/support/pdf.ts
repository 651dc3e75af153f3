import { inflateSync } from 'node:zlib';

// Reading back the PDFs the server makes (pdfkit): how many pages, and the text drawn on them.
// pdfkit writes page objects in the clear and compresses content streams with Flate; text runs
// are TJ arrays of hex strings in the standard fonts' Windows-1252 encoding.

/** The number of page objects (/Type /Page, not the /Pages tree). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Every text run of every page, one per line. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const decoder = new TextDecoder('windows-1252');
  const runs: string[] = [];
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const bytes = Buffer.from(m[1]!, 'latin1');
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = m[1]!;
    }
    for (const tj of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[^\]])*)\]\s*TJ/g)) {
      const hex = [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      runs.push(decoder.decode(Buffer.from(hex, 'hex')));
    }
  }
  return runs.join('\n');
}
