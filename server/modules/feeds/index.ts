/** The feeds module's public use cases: a bill's Atom feed. */
export { ATOM, billFeed, FEED_SIZE } from './billFeed.ts';
export { FEED_ENTRY_TYPES } from './feedEntries.ts';
export { type FeedDeps, feedRoutes } from './feedRoutes.ts';
