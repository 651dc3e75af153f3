import type { Framework } from '../../../shared/framework/framework-schema';
import { spbe2020Framework } from '../../../shared/framework/frameworks';
import { AppError } from '../../platform/app-error';

// The frameworks shipped with the platform. (Loading further frameworks from JSON by admins is
// part of the assessment work still to come; results always record the framework id and version.)
const shipped: Framework[] = [spbe2020Framework];

export function listFrameworks(): Framework[] {
  return shipped;
}

export function getFramework(id: string): Framework {
  const f = shipped.find((x) => x.id === id);
  if (!f) throw new AppError('NOT_FOUND');
  return f;
}
