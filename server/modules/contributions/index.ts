/** What every contribution module shares: author badges, listing order, tombstones, policies, targets, routes. */
export { contributionRoutes } from './contributionRoutes.ts';
export { contributorColumns, contributorOf } from './contributors.ts';
export { listingPage } from './listingOrder.ts';
export { type Moderated, tombstoneOf, visibleText } from './moderation.ts';
export { requireModerator, requireRapporteur } from './policy.ts';
export { assertArticleOfBill, assertPublicAmendmentOfBill, assertTarget, type Target, targetKey, unknownTargets } from './targets.ts';
export type { DeliberationDeps } from './deps.ts';
export type { DraftTexts } from './draftTexts.ts';
