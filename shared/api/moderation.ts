/**
 * Moderation: reports filed by readers, the moderators' queue, hiding (never deleting) with a public reason,
 * restoring, dismissing reports, and each bill's public moderation log.
 */
import { z } from 'zod';
import { ContributorSchema } from './contributions.ts';

const IdSchema = z.string().min(1).max(100);

/** What can be reported and hidden. */
export const ModerationTargetType = {
  annotation: 'annotation',
  amendment: 'amendment',
  argument: 'argument',
  source: 'source',
  question: 'question',
} as const;
/** One of the moderatable kinds of contribution. */
export type ModerationTargetType = (typeof ModerationTargetType)[keyof typeof ModerationTargetType];
/** Schema of a moderatable kind. */
export const ModerationTargetTypeSchema = z.enum([
  ModerationTargetType.annotation,
  ModerationTargetType.amendment,
  ModerationTargetType.argument,
  ModerationTargetType.source,
  ModerationTargetType.question,
]);

/** A contribution of a bill, as reports and moderation actions name it. */
export const ModerationTargetSchema = z.object({ type: ModerationTargetTypeSchema, id: IdSchema }).meta({ id: 'ModerationTarget' });
export type ModerationTarget = z.infer<typeof ModerationTargetSchema>;

/** Why a reader reports a contribution. */
export const ReportReason = { spam: 'spam', offensive: 'offensive', offTopic: 'off_topic', other: 'other' } as const;
/** One of the report reasons. */
export type ReportReason = (typeof ReportReason)[keyof typeof ReportReason];
/** Schema of a report reason. */
export const ReportReasonSchema = z.enum([ReportReason.spam, ReportReason.offensive, ReportReason.offTopic, ReportReason.other]);

/** Where a report stands: open until a moderator hides the content (upheld) or dismisses the reports. */
export const ReportStatus = { open: 'open', upheld: 'upheld', dismissed: 'dismissed' } as const;
/** One of the report statuses. */
export type ReportStatus = (typeof ReportStatus)[keyof typeof ReportStatus];
/** Schema of a report status. */
export const ReportStatusSchema = z.enum([ReportStatus.open, ReportStatus.upheld, ReportStatus.dismissed]);

/** Body of `POST /bills/:billId/reports`: `text` is required with the reason `other`. */
export const CreateReportBodySchema = z
  .object({
    target: ModerationTargetSchema,
    reason: ReportReasonSchema,
    text: z.string().trim().min(1).max(1_000).optional().meta({ description: 'Required when the reason is other' }),
  })
  .refine((report) => report.reason !== ReportReason.other || report.text !== undefined, {
    path: ['text'],
    message: 'a report with the reason other needs a text',
  })
  .meta({ id: 'CreateReport' });
export type CreateReportBody = z.infer<typeof CreateReportBodySchema>;

/** A report as its reporter sees it once filed. */
export const ReportSchema = z
  .object({
    id: z.string(),
    billId: z.string(),
    target: ModerationTargetSchema,
    reason: ReportReasonSchema,
    text: z.string().nullable(),
    status: ReportStatusSchema,
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
  })
  .meta({ id: 'Report' });
export type Report = z.infer<typeof ReportSchema>;

/** A report in the moderators' queue, with what it is about. */
export const QueuedReportSchema = ReportSchema.extend({
  reporter: ContributorSchema,
  targetExcerpt: z.string().meta({ description: 'The start of the reported text, hidden or not (moderators only)' }),
  targetHidden: z.boolean(),
  targetReports: z.number().int().meta({ description: 'Reports with this status on the same target' }),
}).meta({ id: 'QueuedReport' });
export type QueuedReport = z.infer<typeof QueuedReportSchema>;

/** Query of `GET /moderation/reports`. */
export const ReportQueueQuerySchema = z.object({
  status: ReportStatusSchema.default(ReportStatus.open),
  billId: IdSchema.optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReportQueueQuery = z.infer<typeof ReportQueueQuerySchema>;

/** A page of the moderators' queue, oldest first. */
export const ReportQueueSchema = z
  .object({ reports: z.array(QueuedReportSchema), offset: z.number().int(), total: z.number().int() })
  .meta({ id: 'ReportQueue' });
export type ReportQueue = z.infer<typeof ReportQueueSchema>;

/** What a moderator did. */
export const ModerationActionKind = { hide: 'hide', restore: 'restore', dismiss: 'dismiss' } as const;
/** One of the moderation actions. */
export type ModerationActionKind = (typeof ModerationActionKind)[keyof typeof ModerationActionKind];

/** Body of `POST /bills/:billId/moderation/{hide,restore,dismiss}`: the reason is public. */
export const ModerationActionBodySchema = z
  .object({ target: ModerationTargetSchema, reason: z.string().trim().min(3).max(500) })
  .meta({ id: 'ModerationActionBody' });
export type ModerationActionBody = z.infer<typeof ModerationActionBodySchema>;

/** An entry of a bill's public moderation log. */
export const ModerationActionSchema = z
  .object({
    id: z.string(),
    billId: z.string(),
    action: z.enum([ModerationActionKind.hide, ModerationActionKind.restore, ModerationActionKind.dismiss]),
    target: ModerationTargetSchema,
    reason: z.string(),
    moderator: ContributorSchema,
    at: z.string(),
  })
  .meta({ id: 'ModerationAction' });
export type ModerationAction = z.infer<typeof ModerationActionSchema>;

/** Path of bill-scoped moderation endpoints. */
export const ModerationBillParamsSchema = z.object({ billId: IdSchema });

/** Query of `GET /bills/:billId/moderation-log`. */
export const ModerationLogQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ModerationLogQuery = z.infer<typeof ModerationLogQuerySchema>;

/** A page of a bill's moderation log, newest first. */
export const ModerationLogSchema = z
  .object({ actions: z.array(ModerationActionSchema), offset: z.number().int(), total: z.number().int() })
  .meta({ id: 'ModerationLog' });
export type ModerationLog = z.infer<typeof ModerationLogSchema>;
