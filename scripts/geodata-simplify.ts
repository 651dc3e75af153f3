// Makes the web's copies of the boundary data (src/web/assets/geo/) from the source set in
// ../shared/data (see GEODATA.md there): simplified for the screen, with the source's MIT notice
// inside every file. The product never reads ../shared at run time; run this again only when the
// source set changes:  npx tsx scripts/geodata-simplify.ts [source dir]
//
// Three kinds of file, so that each page downloads only what it draws:
// - provinces.topo.json: the 38 provinces, coarse (the national map);
// - regencies.topo.json: the 514 kab/kota, coarse (the national map's kab/kota layer);
// - regencies-<province>.topo.json: one province's kab/kota, finer and quantized on the
//   province's own extent (the province map and the national map's drill-down).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { getProvinces, getRegencies } from 'idn-area-data';
import { feature, quantize } from 'topojson-client';
import { planarRingArea, planarTriangleArea, presimplify, simplify } from 'topojson-simplify';
import type { Topology } from 'topojson-specification';

const root = path.resolve(import.meta.dirname, '..');
const sourceDir = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared', 'data'));
const outDir = path.join(root, 'src', 'web', 'assets', 'geo');

/**
 * Per layer: the smallest triangle (degrees²) a vertex may span to be kept, the smallest island
 * or hole (degrees²) kept apart from each feature's largest part, and the quantization grid.
 * Chosen by looking at the result at the size each layer is drawn (a 1° square is ~12,300 km²).
 */
const layers = {
  national: { minWeight: 4e-4, minRing: 4e-3, grid: 6000 },
  regenciesNational: { minWeight: 2e-4, minRing: 2e-3, grid: 8000 },
  /** Relative to the province's land area, so that Jakarta keeps as much detail as Papua. */
  province: { minWeight: 3e-6, minRing: 1.5e-4, grid: 4000 },
} as const;
type Layer = (typeof layers)[keyof typeof layers];

type Props = { code: string; name: string; province_code?: string };
/** A feature of the two sources: a Polygon (rings of arc indices) or a MultiPolygon. */
type Geom = { type: string; arcs: number[][] | number[][][]; properties: Props };
type Arc = number[][];
type Topo = Topology & { license?: string; source?: string };

const licence = (() => {
  const md = fs.readFileSync(path.join(sourceDir, 'GEODATA.md'), 'utf8');
  const mit = /```\n(MIT License[\s\S]*?)```/.exec(md)?.[1];
  if (!mit) throw new Error('GEODATA.md: the MIT notice was not found');
  return mit.trim();
})();

function read(name: string): Topo {
  return JSON.parse(fs.readFileSync(path.join(sourceDir, name), 'utf8')) as Topo;
}

const geometriesOf = (topo: Topology, object: string) =>
  (topo.objects[object] as unknown as { geometries: Geom[] }).geometries;

/** Polygons of a geometry as arrays of rings (arc index lists), whatever its type. */
function polygonsOf(g: Geom): number[][][] {
  if (g.type === 'Polygon') return [g.arcs as number[][]];
  if (g.type === 'MultiPolygon') return g.arcs as number[][][];
  return [];
}

function ringPoints(arcs: Arc[], ring: number[]): number[][] {
  const out: number[][] = [];
  for (const i of ring) {
    const arc = i < 0 ? [...arcs[~i]!].reverse() : arcs[i]!;
    out.push(...(out.length ? arc.slice(1) : arc));
  }
  return out;
}

const ringArea = (arcs: Arc[], ring: number[]) => {
  const pts = ringPoints(arcs, ring);
  return pts.length < 4 ? 0 : Math.abs(planarRingArea(pts as [number, number][]));
};

/**
 * A ring drawn by one closed arc (an island) would shrink to its two end points: keep its three
 * heaviest inner points, so the largest part of every feature still has a shape to draw.
 */
function protectClosedArcs(topo: Topology) {
  for (const arc of topo.arcs as unknown as number[][][]) {
    const first = arc[0]!;
    const last = arc[arc.length - 1]!;
    if (arc.length < 5 || first[0] !== last[0] || first[1] !== last[1]) continue;
    const inner = arc.slice(1, -1).sort((a, b) => b[2]! - a[2]!);
    for (const p of inner.slice(0, 3)) p[2] = Number.POSITIVE_INFINITY;
  }
}

/** Drops islands and holes smaller than `minRing`, but never a feature's largest part. */
function dropSmallRings(topo: Topology, object: string, minRing: number) {
  const arcs = topo.arcs as unknown as Arc[];
  for (const g of geometriesOf(topo, object)) {
    const polys = polygonsOf(g);
    if (!polys.length) continue;
    const areas = polys.map((p) => ringArea(arcs, p[0]!));
    const largest = areas.indexOf(Math.max(...areas));
    const kept = polys
      .map((p, i) => ({ p, keep: i === largest || areas[i]! >= minRing }))
      .filter((x) => x.keep)
      .map(({ p }) => [p[0]!, ...p.slice(1).filter((hole) => ringArea(arcs, hole) >= minRing)]);
    if (kept.length === 1) Object.assign(g, { type: 'Polygon', arcs: kept[0] });
    else Object.assign(g, { type: 'MultiPolygon', arcs: kept });
  }
}

/** A topology with only these geometries of `object`, the arcs they use, renumbered. */
function subset(topo: Topology, object: string, geometries: Geom[]): Topology {
  const used = new Map<number, number>();
  const arcs: Arc[] = [];
  const all = topo.arcs as unknown as Arc[];
  const remap = (i: number) => {
    const k = i < 0 ? ~i : i;
    let n = used.get(k);
    if (n === undefined) {
      n = arcs.length;
      used.set(k, n);
      arcs.push(all[k]!);
    }
    return i < 0 ? ~n : n;
  };
  const copied = geometries.map((g) => {
    const polys = polygonsOf(g).map((p) => p.map((ring) => ring.map(remap)));
    return { ...g, arcs: g.type === 'Polygon' ? polys[0] : polys };
  });
  return {
    type: 'Topology',
    objects: { [object]: { type: 'GeometryCollection', geometries: copied } },
    arcs: arcs as never,
  } as Topology;
}

function presimplified(source: Topo): Topology {
  const pre = presimplify(structuredClone(source) as never, planarTriangleArea);
  protectClosedArcs(pre);
  return pre;
}

/** `scale` multiplies the layer's thresholds (1 for the national layers, an extent for a province). */
function simplified(pre: Topology, object: string, layer: Layer, scale = 1): Topology {
  // simplify() shares the objects with its input; the rings are dropped on a copy.
  const out = { ...simplify(pre as never, layer.minWeight * scale), objects: structuredClone(pre.objects) };
  dropSmallRings(out, object, layer.minRing * scale);
  return out;
}

/** The land area of a (not quantized) topology's features, in degrees²: each one's outer rings. */
function landArea(topo: Topology, object: string): number {
  const arcs = topo.arcs as unknown as Arc[];
  return geometriesOf(topo, object)
    .flatMap(polygonsOf)
    .reduce((sum, p) => sum + ringArea(arcs, p[0]!), 0);
}

/** Quantized on its own extent, with the source and its notice inside the file. */
function finish(topo: Topology, object: string, grid: number): Topo {
  const geometries = geometriesOf(topo, object);
  const q = quantize(subset(topo, object, geometries) as never, grid) as Topo;
  return {
    type: 'Topology',
    source:
      'cahyadsn/wilayah_boundaries (commit 3c5a7960), Kepmendagri 300.2.2-2138/2025 codes; simplified for Living Lab SPBE (scripts/geodata-simplify.ts)',
    license: licence,
    transform: q.transform,
    objects: q.objects,
    arcs: q.arcs,
  } as Topo;
}

function write(name: string, topo: Topo) {
  const json = JSON.stringify(topo);
  fs.writeFileSync(path.join(outDir, name), json);
  return json.length;
}

/** Codes present in the boundaries and in idn-area-data (the directory's source), both ways. */
async function compareCodes(provinces: Geom[], regencies: Geom[]) {
  const [refP, refR] = await Promise.all([getProvinces(), getRegencies()]);
  const diff = (geo: string[], ref: string[]) => ({
    missingInMap: ref.filter((c) => !geo.includes(c)),
    notInDirectory: geo.filter((c) => !ref.includes(c)),
  });
  return {
    provinces: diff(
      provinces.map((g) => g.properties.code),
      refP.map((p) => p.code),
    ),
    regencies: diff(
      regencies.map((g) => g.properties.code),
      refR.map((r) => r.code),
    ),
    regencyProvinceMismatch: regencies
      .filter((g) => {
        const ref = refR.find((r) => r.code === g.properties.code);
        return ref && ref.province_code !== g.properties.province_code;
      })
      .map((g) => g.properties.code),
  };
}

async function main() {
  const provSource = read('indonesia-provinces.topo.json');
  const regSource = read('indonesia-regencies.topo.json');
  fs.mkdirSync(outDir, { recursive: true });
  for (const f of fs.readdirSync(outDir)) if (f.endsWith('.topo.json')) fs.rmSync(path.join(outDir, f));

  const sizes: Record<string, number> = {};
  const prov = simplified(presimplified(provSource), 'provinces', layers.national);
  sizes['provinces.topo.json'] = write(
    'provinces.topo.json',
    finish(prov, 'provinces', layers.national.grid),
  );
  const regPre = presimplified(regSource);
  const regNational = simplified(regPre, 'regencies', layers.regenciesNational);
  sizes['regencies.topo.json'] = write(
    'regencies.topo.json',
    finish(regNational, 'regencies', layers.regenciesNational.grid),
  );
  const geoms = geometriesOf(regPre, 'regencies');
  const provinceCodes = [...new Set(geoms.map((g) => g.properties.province_code!))].sort();
  for (const code of provinceCodes) {
    // Each province on its own: the arcs it shares with its neighbours may simplify differently,
    // which no one sees since a province file is drawn alone.
    const part = subset(
      regPre,
      'regencies',
      geoms.filter((g) => g.properties.province_code === code),
    );
    const fine = simplified(part, 'regencies', layers.province, landArea(part, 'regencies'));
    const name = `regencies-${code}.topo.json`;
    sizes[name] = write(name, finish(fine, 'regencies', layers.province.grid));
  }
  // Every feature must still have something to draw.
  for (const name of Object.keys(sizes)) {
    const topo = JSON.parse(fs.readFileSync(path.join(outDir, name), 'utf8')) as Topology;
    const object = Object.keys(topo.objects)[0]!;
    const fc = feature(topo, topo.objects[object]!) as unknown as {
      features: { properties: Props; geometry: { coordinates: unknown[] } | null }[];
    };
    const empty = fc.features.filter((f) => !f.geometry?.coordinates.length).map((f) => f.properties.code);
    if (empty.length) throw new Error(`${name}: features without a shape: ${empty.join(', ')}`);
  }
  const gz = (name: string) => zlib.gzipSync(fs.readFileSync(path.join(outDir, name))).length;
  const kb = (n: number) => `${Math.round(n / 1000)} KB`;
  const perProvince = Object.keys(sizes).filter((n) => n.startsWith('regencies-'));
  fs.writeFileSync(
    path.join(outDir, 'GEODATA.md'),
    `${fs.readFileSync(path.join(sourceDir, 'GEODATA.md'), 'utf8').trimEnd()}

## This copy (Living Lab SPBE)

Made from the files above by \`scripts/geodata-simplify.ts\` (topojson-simplify: Visvalingam
weights, then islands and holes below a size dropped, never a feature's largest part; re-quantized
per file). Each file carries the source and the MIT notice in its \`source\` and \`license\` members.
The web loads a file only on a page that draws it, and shows the attribution under every map.

| file | features | size | gzip |
| --- | --- | --- | --- |
| \`provinces.topo.json\` | 38 | ${kb(sizes['provinces.topo.json']!)} | ${kb(gz('provinces.topo.json'))} |
| \`regencies.topo.json\` (national layer) | 514 | ${kb(sizes['regencies.topo.json']!)} | ${kb(gz('regencies.topo.json'))} |
| \`regencies-<province>.topo.json\` (finer, one per province) | 514 in ${perProvince.length} files | ${kb(Math.min(...perProvince.map((n) => sizes[n]!)))}–${kb(Math.max(...perProvince.map((n) => sizes[n]!)))} each | ${kb(Math.min(...perProvince.map(gz)))}–${kb(Math.max(...perProvince.map(gz)))} each |
`,
  );
  const codes = await compareCodes(
    geometriesOf(provSource, 'provinces'),
    geometriesOf(regSource, 'regencies'),
  );
  const total = (prefix: string) =>
    Object.entries(sizes)
      .filter(([n]) => n.startsWith(prefix))
      .reduce((s, [, v]) => s + v, 0);
  console.log(
    JSON.stringify(
      {
        bytes: {
          provinces: sizes['provinces.topo.json'],
          regencies: sizes['regencies.topo.json'],
          perProvince: total('regencies-'),
          largestProvince: Math.max(
            ...Object.entries(sizes)
              .filter(([n]) => n.startsWith('regencies-'))
              .map(([, v]) => v),
          ),
        },
        codes,
      },
      null,
      2,
    ),
  );
}

await main();
