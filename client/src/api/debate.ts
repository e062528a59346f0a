/** The debate around an article or an amendment: arguments pour / contre, sources, questions to the rapporteurs. */
import { type ArgumentSide, ArgumentListSchema, ArgumentSchema, type DebateTarget } from '../../../shared/api/arguments.ts';
import { QuestionListSchema, QuestionSchema } from '../../../shared/api/questions.ts';
import { SourceListSchema, SourceSchema } from '../../../shared/api/sources.ts';
import { call, query, seg } from './http.ts';

const bill = (billId: string) => `/bills/${seg(billId)}`;

/** `GET /bills/:id/arguments` on one target, in the equal-exposure random order (keep `seed` to keep the order). */
export const listArguments = (billId: string, target: DebateTarget, seed?: string) =>
  call(ArgumentListSchema, 'GET', `${bill(billId)}/arguments${query({ targetType: target.type, targetId: target.id, seed, limit: 200 })}`);

/** `POST /bills/:id/arguments` */
export const addArgument = (billId: string, target: DebateTarget, side: ArgumentSide, body: string) =>
  call(ArgumentSchema, 'POST', `${bill(billId)}/arguments`, { target, side, body });

/** `GET /bills/:id/sources` on one target, newest first. */
export const listSources = (billId: string, target: DebateTarget) =>
  call(SourceListSchema, 'GET', `${bill(billId)}/sources${query({ targetType: target.type, targetId: target.id, sort: 'recent', limit: 200 })}`);

/** `POST /bills/:id/sources` (http or https links only). */
export const addSource = (billId: string, target: DebateTarget, source: { title: string; url: string; description: string }) =>
  call(SourceSchema, 'POST', `${bill(billId)}/sources`, { target, ...source });

/** `GET /bills/:id/questions?articleId=`, newest first. */
export const listQuestions = (billId: string, articleId: string) =>
  call(QuestionListSchema, 'GET', `${bill(billId)}/questions${query({ articleId, sort: 'recent', limit: 200 })}`);

/** `POST /bills/:id/questions` on an article. */
export const askQuestion = (billId: string, articleId: string, body: string) => call(QuestionSchema, 'POST', `${bill(billId)}/questions`, { articleId, body });
