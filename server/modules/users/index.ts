/** The users module's public use cases. */
export { createAccount, ensureAdmin } from './accounts.ts';
export { canWriteBill } from './policy.ts';
export type { RightsChanged } from './rightsChanged.ts';
export { grantRapporteur } from './rapporteurs.ts';
export { resolveToken } from './tokens.ts';
export { SESSION_COOKIE, userRoutes } from './userRoutes.ts';
