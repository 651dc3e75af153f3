import type { TextKey, TextParams } from '../texts';
import type { Framework } from './framework-schema';
import { findIndicator, predicateFor, score } from './score';

// Validation of one official result (KemenPAN-RB decree) against a framework. Only totals are
// public for many bodies, so a result may be the total alone, the total with domain values, or
// all indicator levels (then the total and domain values follow from the engine and any given
// ones must agree). Pure: used by the entry form, the API and the bulk import alike.

export type RawOfficialResult = {
  index?: unknown;
  domains?: Record<string, unknown>;
  levels?: Record<string, unknown>;
};

export type OfficialResultValue = {
  index: number;
  predicate: string;
  domains: Record<string, number> | null;
  levels: Record<string, number> | null;
};

/** `message` is a key of the shared texts (src/shared/texts/results.ts), localised where it is shown. */
export type FieldProblem = { field: string; message: TextKey; params?: TextParams };

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  // Indonesian spreadsheets write 3,81 for 3.81.
  const s = v.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/** A value from 1.00 to 5.00 with at most two decimals, in hundredths; or a message key. */
function hundredths(v: unknown): number | TextKey {
  const n = toNumber(v);
  if (n === null) return 'OFFICIAL_NOT_A_NUMBER';
  const h = Math.round(n * 100);
  if (Math.abs(h - n * 100) > 1e-6) return 'OFFICIAL_TWO_DECIMALS';
  if (h < 100 || h > 500) return 'OFFICIAL_RANGE';
  return h;
}

export function validateOfficialResult(
  framework: Framework,
  raw: RawOfficialResult,
): { value: OfficialResultValue; problems: [] } | { value: null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const domainCodes = framework.groups.map((g) => g.code);

  let levels: Record<string, number> | null = null;
  const givenLevels = Object.entries(raw.levels ?? {}).filter(([, v]) => !blank(v));
  if (givenLevels.length) {
    levels = {};
    for (const ind of framework.indicators) {
      const v = raw.levels?.[String(ind.number)];
      const n = blank(v) ? null : toNumber(v);
      if (n === null || !Number.isInteger(n) || n < 1 || n > 5) {
        problems.push({
          field: `i${ind.number}`,
          message: blank(v) ? 'OFFICIAL_ALL_LEVELS' : 'OFFICIAL_LEVEL_INTEGER',
        });
      } else levels[String(ind.number)] = n;
    }
    for (const [k] of givenLevels) {
      if (!findIndicator(framework, k)) {
        problems.push({ field: `i${k}`, message: 'OFFICIAL_UNKNOWN_INDICATOR' });
      }
    }
  }

  let domains: Record<string, number> | null = null;
  const givenDomains = Object.entries(raw.domains ?? {}).filter(([, v]) => !blank(v));
  if (givenDomains.length) {
    domains = {};
    for (const code of domainCodes) {
      const v = raw.domains?.[code];
      const h = blank(v) ? 'OFFICIAL_ALL_DOMAINS' : hundredths(v);
      if (typeof h === 'string') problems.push({ field: code, message: h });
      else domains[code] = h / 100;
    }
    for (const [k] of givenDomains) {
      if (!domainCodes.includes(k)) problems.push({ field: k, message: 'OFFICIAL_UNKNOWN_DOMAIN' });
    }
  }

  let index: number | null = null;
  if (!blank(raw.index)) {
    const h = hundredths(raw.index);
    if (typeof h === 'string') problems.push({ field: 'index', message: h });
    else index = h;
  }
  if (problems.length) return { value: null, problems };

  if (levels) {
    const s = score(framework, levels);
    const computed = Math.round(s.index!.display * 100);
    if (index !== null && index !== computed) {
      problems.push({
        field: 'index',
        message: 'OFFICIAL_LEVELS_MISMATCH',
        params: { computed: (computed / 100).toFixed(2) },
      });
    }
    const computedDomains = Object.fromEntries(
      s.groups.filter((g) => g.depth === 0).map((g) => [g.code, g.value!.display]),
    );
    for (const code of domainCodes) {
      if (domains && Math.round(domains[code]! * 100) !== Math.round(computedDomains[code]! * 100)) {
        problems.push({
          field: code,
          message: 'OFFICIAL_LEVELS_MISMATCH',
          params: { computed: String(computedDomains[code]) },
        });
      }
    }
    if (problems.length) return { value: null, problems };
    index = computed;
    domains = computedDomains;
  }
  if (index === null) {
    return {
      value: null,
      problems: [{ field: 'index', message: 'OFFICIAL_INDEX_REQUIRED' }],
    };
  }
  return {
    value: { index: index / 100, predicate: predicateFor(framework, index).id, domains, levels },
    problems: [],
  };
}
