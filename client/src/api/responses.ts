/** Official responses: a rapporteur's avis and text on an amendment. */
import { type AmendmentResponseBody, OfficialResponseSchema } from '../../../shared/api/responses.ts';
import { call, seg } from './http.ts';

/** `PUT /bills/:id/amendments/:amendmentId/response` (the bill's rapporteurs); replaces any earlier answer. */
export const answerAmendment = (billId: string, amendmentId: string, body: AmendmentResponseBody) =>
  call(OfficialResponseSchema, 'PUT', `/bills/${seg(billId)}/amendments/${seg(amendmentId)}/response`, body);
