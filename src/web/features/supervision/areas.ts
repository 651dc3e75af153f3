import type { BodyIndex, ProvinceRow, RegionValue } from '../../../shared/contracts/supervision';
import type { MessageKey } from '../../i18n/i18n';
import type { MapArea } from '../map/choropleth-map';

// The cockpits' rows as the map's areas; each area links to its body's page.
type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export const bodyHref = (code: string) => `/orgs/${encodeURIComponent(code)}`;

/** "resmi 2024" / "mandiri 2025": the index's source and year, never passed off as official. */
export const indexNote = (latest: BodyIndex | null, t: T) =>
  latest ? `${t(`indexSource_${latest.source}`)} ${latest.year}` : null;

export function regionAreas(regions: RegionValue[], t: T): MapArea[] {
  return regions
    .filter((r) => r.type !== 'province')
    .map((r) => ({
      code: r.code,
      name: r.name,
      milestone: r.milestone,
      index: r.latest?.index ?? null,
      indexNote: indexNote(r.latest, t),
      href: bodyHref(r.code),
    }));
}

export function provinceAreas(rows: ProvinceRow[]): MapArea[] {
  return rows.map((p) => ({
    code: p.code,
    name: p.name,
    percent: p.followedUp.percent,
    index: p.averageIndex,
    href: bodyHref(p.code),
  }));
}

export const formatIndex = (n: number | null, locale: string) =>
  n === null ? '—' : n.toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: 2 });
