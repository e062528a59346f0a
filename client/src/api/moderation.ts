/** Moderation: reports, the moderators' queue, hide / restore / dismiss, the public log. */
import {
  type CreateReportBody,
  type ModerationActionBody,
  ModerationActionSchema,
  ModerationLogSchema,
  ReportQueueSchema,
  ReportSchema,
} from '../../../shared/api/moderation.ts';
import { call, query, seg } from './http.ts';

/** `POST /bills/:id/reports` (once per contribution: a second report is `already_reported`). */
export const fileReport = (billId: string, report: CreateReportBody) => call(ReportSchema, 'POST', `/bills/${seg(billId)}/reports`, report);

/** `GET /moderation/reports?billId=` (moderators): the bill's open reports, oldest first. */
export const getReportQueue = (billId: string) => call(ReportQueueSchema, 'GET', `/moderation/reports${query({ billId, limit: 200 })}`);

/** `POST /bills/:id/moderation/{hide,restore,dismiss}` (moderators), with a public reason. */
export const moderate = (billId: string, action: 'hide' | 'restore' | 'dismiss', body: ModerationActionBody) =>
  call(ModerationActionSchema, 'POST', `/bills/${seg(billId)}/moderation/${action}`, body);

/** `GET /bills/:id/moderation-log`, newest first. */
export const getModerationLog = (billId: string) => call(ModerationLogSchema, 'GET', `/bills/${seg(billId)}/moderation-log${query({ limit: 200 })}`);
