// idn-area-data spells names in capitals ("KABUPATEN SUMEDANG"); the UI uses the official mixed
// case ("Kabupaten Sumedang"). Pure, so it is unit-tested.
const keepUpper = new Set(['DKI', 'DI', 'II', 'III']);

export function titleCaseAreaName(raw: string): string {
  return raw
    .trim()
    .split(/\s+/)
    .map((word) =>
      word
        .split('-')
        .map((part) => {
          if (keepUpper.has(part)) return part;
          // Parenthesised and dotted abbreviations keep their first letter upper-case.
          return part.replace(
            /^([^A-Za-z]*)([A-Za-z])(.*)$/,
            (_m, pre: string, first: string, rest: string) => {
              return pre + first.toUpperCase() + rest.toLowerCase();
            },
          );
        })
        .join('-'),
    )
    .join(' ');
}

export function regencyType(name: string): 'regency' | 'city' {
  return /^KOTA\b/i.test(name.trim()) ? 'city' : 'regency';
}

/**
 * DKI Jakarta's five cities and one regency are administrative areas ("Kota/Kabupaten
 * Administrasi"): part of the province, not autonomous, so not evaluated separately.
 */
export function isAdministrativeArea(name: string): boolean {
  return /^(KOTA|KABUPATEN)\s+(ADMINISTRASI\b|ADM\.)/i.test(name.trim());
}
