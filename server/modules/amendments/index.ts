/** The amendments module's public use cases. */
export { amendmentRoutes } from './amendmentRoutes.ts';
export { whatIfRoutes } from './whatIfRoutes.ts';
export { resumeAdoptions } from './decideAmendment.ts';
export { amendmentNumbers, draftContentOf } from './amendmentQueries.ts';
export { getAmendment, listAmendments } from './readAmendments.ts';
export { authorsOf } from './amendmentQueries.ts';
