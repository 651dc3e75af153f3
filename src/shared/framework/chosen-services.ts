// Indicators a framework marks `chosenService` (SPBE 2020: 45–47, "Layanan Publik Sektoral" 1–3)
// are each a different sectoral public service the body chooses and names. The same service
// entered twice would be scored twice, so within one assessment the names must differ. One rule,
// used by the API (which refuses the save) and the web form (which says so beside the field).

type Named = { indicator: number; serviceName: string | null };

/**
 * The form in which two service names are compared: letter case and all whitespace ignored
 * ("Layanan  KTP-el " = "layanan ktp-el" = "LayananKTP-el"), and compatible Unicode forms folded
 * (a full-width or non-breaking variant typed from another document reads the same). Empty when
 * the name is blank, which names no service.
 */
export function serviceNameKey(name: string | null | undefined): string {
  return (name ?? '').normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

/**
 * The indicator among `items` (other than `indicator` itself) whose service has the same name as
 * `name`, or null when the name is blank or no other indicator uses it. With several, the lowest.
 */
export function serviceNameClash(
  name: string | null | undefined,
  indicator: number,
  items: readonly Named[],
) {
  const key = serviceNameKey(name);
  if (!key) return null;
  const same = items
    .filter((i) => i.indicator !== indicator && serviceNameKey(i.serviceName) === key)
    .map((i) => i.indicator);
  return same.length ? Math.min(...same) : null;
}

/**
 * Each indicator whose service repeats one named by a lower-numbered indicator, with that
 * indicator (`sameAs`): what keeps an assessment from being submitted. The first of each name is
 * not listed, so renaming the listed ones is enough.
 */
export function repeatedServiceNames(items: readonly Named[]): { indicator: number; sameAs: number }[] {
  const first = new Map<string, number>();
  const repeated: { indicator: number; sameAs: number }[] = [];
  for (const item of [...items].sort((a, b) => a.indicator - b.indicator)) {
    const key = serviceNameKey(item.serviceName);
    if (!key) continue;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, item.indicator);
    else repeated.push({ indicator: item.indicator, sameAs: earlier });
  }
  return repeated;
}
