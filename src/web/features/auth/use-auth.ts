// The account hooks live in ./api (one module per area); these names stay for existing imports.
export { useLogout, useMe, useMeta } from './api';
