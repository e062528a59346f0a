/** The users module's public use cases. */
export { createAccount, ensureAdmin, getMe, type NewAccount } from './accounts.ts';
export { canWriteBill, isRapporteurOf } from './policy.ts';
export { ignoreRightsChanges, type RightsChanged } from './rightsChanged.ts';
export { grantRapporteur } from './rapporteurs.ts';
export { resolveToken } from './tokens.ts';
export { SESSION_COOKIE, userRoutes } from './userRoutes.ts';
