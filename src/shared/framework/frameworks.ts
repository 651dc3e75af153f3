import { type Crosswalk, crosswalkSchema } from './crosswalk';
import crosswalkSpbe2020Pemdi2026 from './data/crosswalk-spbe-2020-pemdi-2026.json';
import pemdi2026 from './data/pemdi-2026.json';
import spbe2018 from './data/spbe-2018.json';
import spbe2020 from './data/spbe-2020.json';
import { type Framework, frameworkSchema } from './framework-schema';

/** The frameworks shipped with the platform (admins can load more as JSON). */
export const spbe2020Framework: Framework = frameworkSchema.parse(spbe2020);

/** PermenPANRB 5/2018, the 2018–2019 evaluations: history only, for the results it produced. */
export const spbe2018Framework: Framework = frameworkSchema.parse(spbe2018);

/** PermenPANRB 8/2026 as reported by public working files: provisional until confirmed officially. */
export const pemdi2026Framework: Framework = frameworkSchema.parse(pemdi2026);

/** Which SPBE 2020 indicators relate to each Pemdi 2026 indicator (the platform's reading). */
export const spbe2020ToPemdi2026: Crosswalk = crosswalkSchema.parse(crosswalkSpbe2020Pemdi2026);

/** The shipped crosswalks, each from an older framework into the one that replaced it. */
export const shippedCrosswalks: readonly Crosswalk[] = [spbe2020ToPemdi2026];

/**
 * The crosswalk into a framework, if one is shipped: the earlier framework whose levels,
 * justifications and evidence a body can draw on when it assesses this one. Matched by id, so a
 * corrected version of the framework an admin loads keeps its crosswalk (numbers it no longer has
 * are dropped by the caller, see relatedIndicators' users).
 */
export function crosswalkInto(frameworkId: string): Crosswalk | undefined {
  return shippedCrosswalks.find((c) => c.to.id === frameworkId);
}
