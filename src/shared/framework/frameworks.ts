import pemdi2026 from './data/pemdi-2026.json';
import spbe2018 from './data/spbe-2018.json';
import spbe2020 from './data/spbe-2020.json';
import { type Framework, frameworkSchema } from './framework-schema';

/** The frameworks shipped with the platform (admins can load more as JSON). */
export const spbe2020Framework: Framework = frameworkSchema.parse(spbe2020);
/** PermenPANRB 8/2026 as reported by public working files: provisional until confirmed officially. */
export const pemdi2026Framework: Framework = frameworkSchema.parse(pemdi2026);

/** PermenPANRB 5/2018, the 2018–2019 evaluations: history only, for the results it produced. */
export const spbe2018Framework: Framework = frameworkSchema.parse(spbe2018);
