/** The questions module's public use cases. */
export { askQuestion } from './askQuestion.ts';
export { getQuestion, listQuestions } from './questionQueries.ts';
export { questionRoutes } from './questionRoutes.ts';
