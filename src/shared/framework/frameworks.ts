import spbe2020 from './data/spbe-2020.json';
import { type Framework, frameworkSchema } from './framework-schema';

/** The frameworks shipped with the platform (admins can load more as JSON). */
export const spbe2020Framework: Framework = frameworkSchema.parse(spbe2020);
