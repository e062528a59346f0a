/** The responses module's public use cases. */
export { answerAmendment, answerQuestion } from './publishResponse.ts';
export { responseOf, responsesOf } from './responseQueries.ts';
export { responseQueue, responseSummary } from './responseRate.ts';
export { responseRoutes } from './responseRoutes.ts';
