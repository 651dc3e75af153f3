import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { getProvinces, getRegencies } from 'idn-area-data';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';

// The boundary files the web ships (made by scripts/geodata-simplify.ts): every area of the
// directory (idn-area-data, which seeds the bodies) is on the map under its Kemendagri code, each
// file carries the source's MIT notice, and the files stay small enough for a slow connection.
const dir = path.resolve(import.meta.dirname, '../../assets/geo');
const read = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Topology & {
    license?: string;
  };
type Props = { code: string; name: string; province_code?: string };
const featuresOf = (topo: Topology) => {
  const object = Object.keys(topo.objects)[0]!;
  return (
    feature(topo, topo.objects[object]!) as unknown as {
      features: { properties: Props; geometry: { coordinates: unknown[] } | null }[];
    }
  ).features;
};

describe('boundary files', async () => {
  const [provinces, regencies] = await Promise.all([getProvinces(), getRegencies()]);

  it('have every province and kab/kota of the directory, by code, each with a shape', () => {
    const prov = featuresOf(read('provinces.topo.json'));
    expect(prov.map((f) => f.properties.code).sort()).toEqual(provinces.map((p) => p.code).sort());
    const reg = featuresOf(read('regencies.topo.json'));
    expect(reg.map((f) => f.properties.code).sort()).toEqual(regencies.map((r) => r.code).sort());
    for (const f of [...prov, ...reg])
      expect(f.geometry?.coordinates.length, f.properties.code).toBeGreaterThan(0);
  });

  it('split the kab/kota by province, each under its own province', () => {
    for (const p of provinces) {
      const part = featuresOf(read(`regencies-${p.code}.topo.json`));
      expect(part.map((f) => f.properties.code).sort()).toEqual(
        regencies
          .filter((r) => r.province_code === p.code)
          .map((r) => r.code)
          .sort(),
      );
    }
  });

  it('carry the MIT notice, and GEODATA.md lies beside them', () => {
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.topo.json')))
      expect(read(name).license, name).toMatch(/^MIT License\n\nCopyright \(c\) 2024 Cahya DSN/);
    expect(fs.readFileSync(path.join(dir, 'GEODATA.md'), 'utf8')).toContain('This copy (Living Lab SPBE)');
  });

  it('are small: the national kab/kota layer under 150 KB compressed, a province under 15 KB', () => {
    const gz = (name: string) => zlib.gzipSync(fs.readFileSync(path.join(dir, name))).length;
    expect(gz('regencies.topo.json')).toBeLessThan(150_000);
    expect(gz('provinces.topo.json')).toBeLessThan(60_000);
    for (const p of provinces) expect(gz(`regencies-${p.code}.topo.json`)).toBeLessThan(15_000);
  });
});
