/** Bills, versions and the ledger, as the client reads them. */
import { z } from 'zod';
import { BillListSchema, BillSchema, VersionSchema, VersionSummarySchema } from '../../../shared/api/bills.ts';
import type { PublishVersionBody } from '../../../shared/api/collab.ts';
import { call, query, seg } from './http.ts';

/** `GET /bills?q=&limit=&offset=` */
export const listBills = (params: { q?: string; limit?: number; offset?: number } = {}) =>
  call(BillListSchema, 'GET', `/bills${query({ q: params.q, limit: params.limit, offset: params.offset })}`);

/** `GET /bills/:id`: metadata, timeline of steps, rapporteurs. */
export const getBill = (billId: string) => call(BillSchema, 'GET', `/bills/${seg(billId)}`);

/** `GET /bills/:id/versions` */
export const listVersions = (billId: string) =>
  call(z.object({ versions: z.array(VersionSummarySchema) }), 'GET', `/bills/${seg(billId)}/versions`).then((answer) => answer.versions);

/** `GET /bills/:id/versions/:versionId`: the full text of a version. */
export const getVersion = (billId: string, versionId: string) => call(VersionSchema, 'GET', `/bills/${seg(billId)}/versions/${seg(versionId)}`);

/** `POST /bills/:id/versions`: a rapporteur publishes the live text as a new step's version. */
export const publishVersion = (billId: string, body: PublishVersionBody) =>
  call(VersionSchema, 'POST', `/bills/${seg(billId)}/versions`, body);
