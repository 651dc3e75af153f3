import type { Framework, Group } from '../../../shared/framework/framework-schema';

// Other areas (practices, visits) read frameworks through this module.
export { useFramework } from './api';

export type LeafGroup = { path: Group[]; group: Group; indicators: Framework['indicators'] };

/** The groups that hold indicators, in framework order, with their ancestors (domain → aspect). */
export function leafGroups(framework: Framework): LeafGroup[] {
  const byNumber = new Map(framework.indicators.map((i) => [i.number, i]));
  const out: LeafGroup[] = [];
  const walk = (g: Group, path: Group[]) => {
    if (g.indicators?.length) {
      out.push({ path, group: g, indicators: g.indicators.map((n) => byNumber.get(n)!).filter(Boolean) });
    }
    for (const c of g.groups ?? []) walk(c, [...path, g]);
  };
  for (const g of framework.groups) walk(g, []);
  return out;
}
