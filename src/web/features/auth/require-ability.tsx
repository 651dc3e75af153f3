import type { ReactNode } from 'react';
import type { AccountAbilities } from '../../../shared/contracts/auth';
import NotFoundPage from '../../pages/not-found-page';
import { useMe } from './use-auth';

/** Pages the actor may not use look like any unknown address (the API answers 403 anyway). */
export function RequireAbility({
  ability,
  children,
}: {
  ability: keyof AccountAbilities;
  children: ReactNode;
}) {
  const me = useMe().data!;
  return me.abilities[ability] ? children : <NotFoundPage />;
}
