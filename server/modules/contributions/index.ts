/** What every contribution module shares: author badges, listing order, tombstones, policies, targets. */
export { contributorColumns, contributorOf } from './contributors.ts';
export { newSeed, orderBy, type SortColumns } from './listingOrder.ts';
export { type Moderated, tombstoneOf, visibleText } from './moderation.ts';
export { requireModerator, requireRapporteur } from './policy.ts';
export { assertArticleOfBill, assertPublicAmendmentOfBill, assertTarget, type Target } from './targets.ts';
export type { DeliberationDeps } from './deps.ts';
export type { DraftTexts } from './draftTexts.ts';
