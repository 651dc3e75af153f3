import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repeatedServiceNames, serviceNameClash, serviceNameKey } from './chosen-services';

const items = (a: string | null, b: string | null, c: string | null) => [
  { indicator: 45, serviceName: a },
  { indicator: 46, serviceName: b },
  { indicator: 47, serviceName: c },
];

describe('distinct sectoral services (indicators 45–47)', () => {
  it('compares names without regard to case, whitespace or compatible Unicode forms', () => {
    expect(serviceNameKey('  Layanan   Perizinan\tUsaha ')).toBe(serviceNameKey('layanan perizinan usaha'));
    expect(serviceNameKey('LayananKTP-el')).toBe(serviceNameKey('Layanan KTP-el'));
    expect(serviceNameKey('Layanan\u00a0Pajak')).toBe(serviceNameKey('layanan pajak'));
    expect(serviceNameKey('ＰＢＢ')).toBe(serviceNameKey('pbb'));
    expect(serviceNameKey('Layanan Pajak')).not.toBe(serviceNameKey('Layanan Pajak Daerah'));
    expect(serviceNameKey(null)).toBe('');
  });

  it('finds the other indicator naming the same service, never the indicator itself', () => {
    const saved = items('Layanan Perizinan', 'Layanan Kesehatan', null);
    expect(serviceNameClash('LAYANAN  perizinan', 47, saved)).toBe(45);
    expect(serviceNameClash('Layanan Perizinan', 45, saved)).toBeNull(); // its own name, saved again
    expect(serviceNameClash('Layanan Pendidikan', 47, saved)).toBeNull();
    expect(serviceNameClash('   ', 47, items('', '  ', null))).toBeNull(); // blank names no service
    expect(serviceNameClash('Pajak', 47, items('pajak', 'PAJAK', null))).toBe(45); // the lowest
  });

  it('lists each repeat once, with the first indicator of its name', () => {
    expect(repeatedServiceNames(items('Pajak', 'pajak ', ' PAJAK'))).toEqual([
      { indicator: 46, sameAs: 45 },
      { indicator: 47, sameAs: 45 },
    ]);
    expect(repeatedServiceNames(items('Pajak', 'Kesehatan', 'kesehatan').reverse())).toEqual([
      { indicator: 47, sameAs: 46 },
    ]);
    expect(repeatedServiceNames(items('Pajak', null, ''))).toEqual([]);
  });

  it('agrees with itself: a name clashes exactly when renaming to it would make a repeat', () => {
    const name = fc.option(fc.constantFrom('Pajak', ' pajak', 'PAJAK ', 'Kesehatan', 'kes ehatan', '', ' '), {
      nil: null,
    });
    fc.assert(
      fc.property(name, name, name, fc.constantFrom(45, 46, 47), name, (a, b, c, at, typed) => {
        const saved = items(a, b, c);
        const after = saved.map((i) => (i.indicator === at ? { ...i, serviceName: typed } : i));
        const clash = serviceNameClash(typed, at, saved);
        const repeats = repeatedServiceNames(after).filter((r) => r.indicator === at || r.sameAs === at);
        expect(clash !== null).toBe(repeats.length > 0);
      }),
    );
  });
});
