/** The amendments module's public use cases. */
export { amendmentRoutes } from './amendmentRoutes.ts';
export { resumeAdoptions } from './decideAmendment.ts';
export { draftContentOf } from './amendmentQueries.ts';
