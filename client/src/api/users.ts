/** Finding people by name, to invite a co-author (public badges only). */
import { UserSearchResultSchema } from '../../../shared/api/userSearch.ts';
import { call, query } from './http.ts';

/** `GET /users?q=` (signed in; at least 2 characters). */
export const searchUsers = (q: string) => call(UserSearchResultSchema, 'GET', `/users${query({ q, limit: 10 })}`).then((answer) => answer.users);
