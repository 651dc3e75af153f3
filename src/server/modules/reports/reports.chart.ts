import { type Doc, line } from './pdf-kit';
import type { ReportModel, SeriesKind } from './reports.model';

// The index per year as a small line chart drawn with PDF vector primitives (no image, sharp in
// print): the body's official results (solid), its self-assessments (dashed) and the host's
// official path (dotted), on the index scale 1–5. Each line is also told apart by its marker, so
// the chart reads in black and white.

const look: Record<
  SeriesKind,
  { color: string; dash: number[] | null; marker: 'circle' | 'square' | 'none' }
> = {
  official: { color: '#1b2a6b', dash: null, marker: 'circle' },
  self: { color: '#4263eb', dash: [3, 2], marker: 'square' },
  host: { color: '#c2410c', dash: [1, 1.5], marker: 'none' },
};

export function trendChart(
  doc: Doc,
  trend: ReportModel['trend'],
  box: { x: number; y: number; w: number; h: number },
) {
  const legendH = 12;
  const plot = { x: box.x + 20, y: box.y + 4, w: box.w - 28, h: box.h - legendH - 18 };
  if (trend.empty) {
    line(doc, trend.empty, box.x, box.y + box.h / 2 - 4, box.w, { size: 8, color: '#444444' }, 'center');
    return;
  }
  const yOf = (v: number) => plot.y + plot.h - ((Math.min(5, Math.max(1, v)) - 1) / 4) * plot.h;
  const years = trend.years;
  const step = years.length > 1 ? plot.w / (years.length - 1) : 0;
  const xOf = (year: number) =>
    years.length > 1 ? plot.x + years.indexOf(year) * step : plot.x + plot.w / 2;

  // The scale: a faint line at each whole index, labelled on the left.
  for (let v = 1; v <= 5; v++) {
    doc
      .moveTo(plot.x, yOf(v))
      .lineTo(plot.x + plot.w, yOf(v))
      .lineWidth(0.4)
      .strokeColor('#dee2e6')
      .undash()
      .stroke();
    line(doc, String(v), box.x, yOf(v) - 3, 14, { size: 6.5, color: '#444444' }, 'right');
  }
  for (const year of years)
    line(
      doc,
      String(year),
      xOf(year) - 14,
      plot.y + plot.h + 3,
      28,
      { size: 6.5, color: '#444444' },
      'center',
    );

  for (const s of trend.series) {
    const l = look[s.kind];
    const pts = s.points.map((p) => ({ x: xOf(p.year), y: yOf(p.value), value: p.value }));
    if (pts.length > 1) {
      doc.moveTo(pts[0]!.x, pts[0]!.y);
      for (const p of pts.slice(1)) doc.lineTo(p.x, p.y);
      doc.lineWidth(s.kind === 'host' ? 1 : 1.4).strokeColor(l.color);
      if (l.dash) doc.dash(l.dash[0]!, { space: l.dash[1]! });
      else doc.undash();
      doc.stroke().undash();
    }
    for (const p of pts) {
      if (l.marker === 'circle') doc.circle(p.x, p.y, 1.8).fill(l.color);
      else if (l.marker === 'square') doc.rect(p.x - 1.6, p.y - 1.6, 3.2, 3.2).fill(l.color);
      else if (pts.length === 1) doc.circle(p.x, p.y, 1.2).fill(l.color);
    }
    // The latest value of the body's own lines beside its point: the official one above, the
    // self-assessment below, so the two never overlap when they share a year.
    const last = pts.at(-1);
    if (last && s.kind !== 'host') {
      const dy = s.kind === 'official' ? -10 : 4;
      const style = { size: 6.5, color: l.color };
      line(doc, trend.format(last.value), last.x - 30, last.y + dy, 28, style, 'right');
    }
  }

  // The legend under the plot.
  let lx = box.x + 20;
  const ly = box.y + box.h - legendH + 2;
  for (const s of trend.series) {
    const l = look[s.kind];
    doc
      .moveTo(lx, ly + 3)
      .lineTo(lx + 14, ly + 3)
      .lineWidth(1.4)
      .strokeColor(l.color);
    if (l.dash) doc.dash(l.dash[0]!, { space: l.dash[1]! });
    doc.stroke().undash();
    line(doc, s.label, lx + 17, ly, 80, { size: 6.5, color: '#222222' });
    lx += 17 + Math.min(80, doc.widthOfString(s.label)) + 10;
  }
}
