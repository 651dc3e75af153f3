import type { ReactNode } from 'react';
import type { Me } from '../../api/types';
import NotFoundPage from '../../pages/not-found-page';
import { useMe } from './use-auth';

/** Pages the actor may not use look like any unknown address (the API answers 403 anyway). */
export function RequireAbility({
  ability,
  children,
}: {
  ability: keyof Me['abilities'];
  children: ReactNode;
}) {
  const me = useMe().data!;
  return me.abilities[ability] ? children : <NotFoundPage />;
}
