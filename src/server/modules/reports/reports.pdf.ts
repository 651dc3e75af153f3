import PDFDocument from 'pdfkit';
import type { ReportLang } from '../../../shared/contracts/reports';
import { heading, line, table, wrap } from './pdf-kit';
import { trendChart } from './reports.chart';
import type { ReportModel } from './reports.model';

// The leader report on one A4 page. Every section has a fixed place and every list a fixed number
// of rows (reports.model.ts cuts them), and all text is drawn on single, width-cut lines, so the
// page can never overflow: a long name or two hundred overdue items look the same in size.

const PAGE = { w: 595.28, h: 841.89 };
const M = 36;
const W = PAGE.w - 2 * M;

export async function reportPdf(m: ReportModel, lang: ReportLang): Promise<Buffer> {
  // No margins of pdfkit's own: the layout keeps its own, and pdfkit never breaks a page by itself.
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    lang: lang === 'en' ? 'en-GB' : 'id-ID',
    displayTitle: true,
    info: { Title: m.title, Author: 'Living Lab SPBE', Subject: m.kicker },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  // Header: who and when.
  line(doc, m.kicker, M, M, W / 2, { size: 8, color: '#444444' });
  line(doc, m.generated, M + W / 2, M, W / 2, { size: 8, color: '#444444' }, 'right');
  const name = wrap(doc, m.name, W, { size: 17, bold: true }, 2);
  for (const [i, l] of name.entries())
    line(doc, l, M, M + 14 + i * 20, W, { size: 17, bold: true, color: '#1b2a6b' });
  line(doc, m.subline, M, M + 36 + (name.length - 1) * 20, W, { size: 9, color: '#444444' });
  doc.rect(M, M + 70, W, 1.5).fill('#1b2a6b');

  // The index and how it compares (left), the trend (right).
  const top = M + 82;
  const left = 200;
  line(doc, m.index.label, M, top, left, { size: 9, bold: true, color: '#444444' });
  line(doc, m.index.value ?? '–', M, top + 12, left, { size: 30, bold: true, color: '#1b2a6b' });
  if (m.index.predicate) line(doc, m.index.predicate, M, top + 46, left, { size: 11, bold: true });
  let y = top + 62;
  for (const l of [...m.index.lines, ...m.compare].slice(0, 8)) {
    line(doc, l, M, y, left, { size: 7.5, color: '#222222' });
    y += 10.5;
  }
  const chart = { x: M + left + 16, y: top, w: W - left - 16, h: 150 };
  line(doc, m.trend.title, chart.x, top, chart.w, { size: 9, bold: true, color: '#444444' });
  trendChart(doc, m.trend, { ...chart, y: top + 12, h: chart.h });

  // Domains (left) and the largest gaps against the host (right). Each table is at most its
  // model's rows long, so the sections below move up when these are short but never off the page.
  const row2 = top + 172;
  const half = (W - 16) / 2;
  heading(doc, m.domains.title, M, row2, half);
  const numbers = m.domains.header.length - 1;
  const domainsH = table(
    doc,
    M,
    row2 + 18,
    [{ width: half - numbers * 48 }, ...numberColumns(numbers, 48)],
    m.domains,
  );
  const gx = M + half + 16;
  heading(doc, m.gaps.title, gx, row2, half);
  const gapsH = table(doc, gx, row2 + 18, [{ width: half - 100 }, ...numberColumns(2, 50)], m.gaps);

  // Plan progress: one bar and the counts.
  const row3 = row2 + 18 + Math.max(domainsH, gapsH) + 14;
  heading(doc, m.plan.title, M, row3, W);
  if (m.plan.empty) line(doc, m.plan.empty, M, row3 + 20, W, { size: 8, color: '#444444' });
  else {
    line(doc, m.plan.line ?? '', M, row3 + 20, W - 90, { size: 8.5, bold: true });
    line(doc, m.plan.percent ?? '', M + W - 90, row3 + 20, 90, { size: 8.5, bold: true }, 'right');
    doc.rect(M, row3 + 33, W, 8).fill('#e9ecef');
    if (m.plan.share) doc.rect(M, row3 + 33, W * m.plan.share, 8).fill('#2b8a3e');
    line(doc, m.plan.counts ?? '', M, row3 + 46, W, { size: 8 });
  }

  // Overdue items, the longest overdue first.
  const row4 = row3 + 66;
  heading(doc, m.overdue.title, M, row4, W);
  table(
    doc,
    M,
    row4 + 18,
    [{ width: W - 250 }, { width: 140 }, { width: 60 }, { width: 50, align: 'right' }],
    m.overdue,
  );

  // Notes at the foot of the page.
  const foot = PAGE.h - M - 22;
  if (m.notes.sample) line(doc, m.notes.sample, M, foot - 12, W, { size: 8, bold: true, color: '#b02a37' });
  for (const [i, l] of wrap(doc, m.notes.footer, W, { size: 7 }, 2).entries())
    line(doc, l, M, foot + i * 9, W, { size: 7, color: '#444444' });

  doc.end();
  return done;
}

const numberColumns = (n: number, width: number) =>
  Array.from({ length: n }, () => ({ width, align: 'right' as const }));
