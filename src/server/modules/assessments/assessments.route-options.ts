/**
 * Route options of a signed-in route with the module's OpenAPI tags (assessments, results and
 * insights): `app.get(url, signedIn(tags)({ params, response }), handler)`. Access is the only
 * gate here; what an actor may do is the policy's, inside the service.
 */
export const signedIn =
  (tags: string[]) =>
  <S extends object>(schema: S) => ({ config: { access: 'user' as const }, schema: { tags, ...schema } });
