import type { Actor } from './actor';

/**
 * The one shape of an area's permission rules. Each `<area>.policy.ts` names its actions once, as
 * pure predicates over (actor, subject); `can` asks one of them and `abilities` answers all of
 * them, which the API sends with the record so the web never re-derives a rule. The abilities'
 * type lives in the area's contract (`src/shared/contracts/<area>.ts`); the policy must satisfy it.
 */
export type Rule<S, A = Actor> = (actor: A, subject: S) => boolean;

export type Policy<S, Act extends string, A = Actor> = {
  can(actor: A, action: Act, subject: S): boolean;
  abilities(actor: A, subject: S): Record<Act, boolean>;
};

/**
 * Curried so the subject (and actor) types are stated and the action names inferred:
 * `export const planPolicy = definePolicy<PlanSubject>()({ submit: (actor, plan) => …, … });`
 */
export function definePolicy<S, A = Actor>() {
  return <R extends Record<string, Rule<S, A>>>(rules: R): Policy<S, keyof R & string, A> => {
    const actions = Object.keys(rules) as (keyof R & string)[];
    return {
      can: (actor, action, subject) => rules[action]!(actor, subject),
      abilities: (actor, subject) => {
        const out = {} as Record<keyof R & string, boolean>;
        for (const action of actions) out[action] = rules[action]!(actor, subject);
        return out;
      },
    };
  };
}
