// Builds src/shared/framework/data/spbe-2020.json (committed) from PermenPANRB 59/2020 as given in
// shared/reference/spbe-framework.md: structure, weights, indicator names, predicate bands, and
// level criteria written from the reference's ladder patterns. Run: npx tsx scripts/build-spbe-2020.ts
import fs from 'node:fs';
import path from 'node:path';
import { frameworkSchema } from '../src/shared/framework/framework-schema';
import { criteria, ladderOf, levelNames } from './spbe-2020-criteria';
import { names, structure } from './spbe-2020-structure';

const weightOf = new Map<number, number>();
for (const d of structure)
  for (const a of d.aspects) for (let n = a.from; n <= a.to; n++) weightOf.set(n, a.w);

const framework = {
  id: 'spbe-2020',
  name: { id: 'Evaluasi SPBE (PermenPANRB 59/2020)', en: 'SPBE evaluation (PermenPANRB 59/2020)' },
  version: '2020',
  status: 'official' as const,
  source:
    'Peraturan Menteri PANRB Nomor 59 Tahun 2020 tentang Pemantauan dan Evaluasi SPBE; used for the 2021–2025 evaluations',
  groups: structure.map((d) => {
    const aspects = d.aspects.map((a) => ({
      code: a.code,
      name: { id: a.id, en: a.en },
      kind: 'aspect',
      weight: Math.round((a.to - a.from + 1) * a.w * 100) / 100,
      indicators: Array.from({ length: a.to - a.from + 1 }, (_, i) => a.from + i),
    }));
    return {
      code: d.code,
      name: { id: d.id, en: d.en },
      kind: 'domain',
      weight: Math.round(aspects.reduce((s, a) => s + a.weight, 0) * 100) / 100,
      groups: aspects,
    };
  }),
  indicators: names.map(([id, en], i) => {
    const number = i + 1;
    const ladder = ladderOf(number);
    const lnames = levelNames[ladder === 'service' ? 'service' : 'capability'];
    return {
      number,
      name: { id: `Tingkat Kematangan ${id}`, en: `Maturity of ${en}` },
      weight: weightOf.get(number)!,
      ladder,
      chosenService: number >= 45,
      levels: criteria(ladder, { id, en }).map((c, k) => ({ level: k + 1, name: lnames[k]!, ...c })),
    };
  }),
  predicates: [
    { min: 4.2, label: { id: 'Memuaskan', en: 'Satisfactory' } },
    { min: 3.5, label: { id: 'Sangat Baik', en: 'Very Good' } },
    { min: 2.6, label: { id: 'Baik', en: 'Good' } },
    { min: 1.8, label: { id: 'Cukup', en: 'Fair' } },
    { min: 0, label: { id: 'Kurang', en: 'Poor' } },
  ],
};

const parsed = frameworkSchema.parse(framework);
const out = path.resolve(import.meta.dirname, '../src/shared/framework/data/spbe-2020.json');
fs.writeFileSync(out, `${JSON.stringify(parsed, null, 1)}\n`);
console.log(`wrote ${out}: ${parsed.indicators.length} indicators`);
