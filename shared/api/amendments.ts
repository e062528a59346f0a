/**
 * Amendments proposed on a bill's live text: what a client sends to draft one, and how one reads (target, proposed
 * text, the server-computed word diff against the current text, authors, lifecycle, collisions).
 */
import { z } from 'zod';
import { AnchorInputSchema, AnchorSchema, AnchorStatus } from '../anchors/index.ts';
import { DiffPartSchema } from './history.ts';
import { ContributorSchema, TombstoneSchema } from './contributions.ts';

/** What an amendment changes. */
export const AmendmentKind = {
  replace: 'replace',
  insert: 'insert',
  delete: 'delete',
  rewriteArticle: 'rewrite_article',
  deleteArticle: 'delete_article',
  addArticle: 'add_article',
  /** A sous-amendement: a new wording of its parent's dispositif. */
  subAmendment: 'sub_amendment',
} as const;
export type AmendmentKind = (typeof AmendmentKind)[keyof typeof AmendmentKind];

/** Lifecycle states of an amendment proposed here. */
export const AmendmentStatusSchema = z.enum(['draft', 'deposited', 'adopted', 'rejected', 'withdrawn', 'fallen', 'inadmissible', 'not_moved', 'not_voted']);
export type AmendmentStatus = z.infer<typeof AmendmentStatusSchema>;

/** What a bill's rapporteur may decide on a deposited amendment. */
export const DecisionSchema = z.enum(['adopted', 'rejected', 'inadmissible', 'not_moved', 'fallen']);
export type Decision = z.infer<typeof DecisionSchema>;

/** Where amendments come from. */
export const OriginSchema = z.enum(['citizen', 'organisation', 'group', 'government', 'parliamentarian']);
export type Origin = z.infer<typeof OriginSchema>;

const proposedText = z.string().max(50_000);
const expose = z.string().trim().max(20_000).default('');
const articleId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
// A parliamentarian may file for a political group of the bill (its code, e.g. "SOC").
const groupCode = z.string().trim().min(1).max(20).optional();

/** Body of `POST /bills/:billId/amendments`: a new draft, by kind. */
export const CreateAmendmentBodySchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('replace'), anchor: AnchorInputSchema, text: proposedText.min(1), expose, groupCode }),
    z.object({ kind: z.literal('insert'), anchor: AnchorInputSchema, text: proposedText.min(1), expose, groupCode }),
    z.object({ kind: z.literal('delete'), anchor: AnchorInputSchema, expose, groupCode }),
    z.object({ kind: z.literal('rewrite_article'), articleId, text: proposedText.min(1), expose, groupCode }),
    z.object({ kind: z.literal('delete_article'), articleId, expose, groupCode }),
    z.object({
      kind: z.literal('add_article'),
      afterArticleId: articleId.nullable(),
      number: z.string().trim().min(1).max(40).meta({ example: '2 bis' }),
      text: proposedText.min(1),
      expose,
      groupCode,
    }),
    z.object({ kind: z.literal('sub_amendment'), parentId: z.string().min(1).max(100), text: proposedText.min(1), expose, groupCode }),
  ])
  .meta({ id: 'CreateAmendment' });
export type CreateAmendmentBody = z.infer<typeof CreateAmendmentBodySchema>;

/** Body of `PATCH /bills/:billId/amendments/:amendmentId` (drafts only). */
export const UpdateAmendmentBodySchema = z
  .object({ text: proposedText.optional(), expose: z.string().trim().max(20_000).optional() })
  .refine((body) => body.text !== undefined || body.expose !== undefined, 'nothing to change')
  .meta({ id: 'UpdateAmendment' });

/** Body of `POST …/invitations`. */
export const InviteBodySchema = z.object({ userId: z.string().min(1).max(100) }).meta({ id: 'InviteCoauthor' });

/** A pending invitation to co-author an amendment (still a draft or deposited), as the invited user sees it. */
export const InvitationSchema = z
  .object({
    amendmentId: z.string(),
    billId: z.string(),
    billTitle: z.string().meta({ description: 'The bill’s short title (its title when it has none)' }),
    status: AmendmentStatusSchema,
    kind: z.string(),
    number: z.string().nullable(),
    articleNumber: z.string().nullable(),
    invitedBy: ContributorSchema.nullable().meta({ description: 'The author who invited' }),
    invitedAt: z.string(),
  })
  .meta({ id: 'CoauthorInvitation' });
export type Invitation = z.infer<typeof InvitationSchema>;

/** The most pending invitations `GET /users/me/invitations` lists (the most recent). */
export const MAX_LISTED_INVITATIONS = 100;

/** Answer of `GET /users/me/invitations`, most recent first. */
export const InvitationListSchema = z.object({ invitations: z.array(InvitationSchema) }).meta({ id: 'CoauthorInvitations' });

/** Body of `POST …/decision`. */
export const DecisionBodySchema = z.object({ outcome: DecisionSchema }).meta({ id: 'AmendmentDecision' });

/** Path of one amendment. */
export const AmendmentParamsSchema = z.object({ billId: z.string().min(1).max(100), amendmentId: z.string().min(1).max(100) });

/** An author of an amendment and where they stand. */
export const AmendmentAuthorSchema = z
  .object({ user: ContributorSchema, status: z.enum(['author', 'coauthor', 'invited']) })
  .meta({ id: 'AmendmentAuthor' });

/** The word-level diff of a change, computed by the server against the text as it is now. */
export const AmendmentDiffSchema = z
  .object({
    before: z.string(),
    after: z.string(),
    parts: z.array(DiffPartSchema),
  })
  .meta({ id: 'AmendmentDiff' });

/**
 * The amendment in official form (AMEND7): its header line and its dispositif as the assemblies word it, one string
 * per paragraph, generated from the same two texts as the diff.
 */
export const FormalWordingSchema = z
  .object({
    header: z.string().meta({ example: 'ARTICLE 3' }),
    dispositif: z.array(z.string()).meta({ example: ['À l’alinéa\u00a02, substituer au mot\u00a0: «\u00a0trois\u00a0» le mot\u00a0: «\u00a0cinq\u00a0».'] }),
  })
  .meta({ id: 'FormalWording' });
export type FormalWording = z.infer<typeof FormalWordingSchema>;

/** Another amendment whose target overlaps this one's. */
export const CollisionSchema = z
  .object({ id: z.string(), number: z.string().nullable(), status: AmendmentStatusSchema, kind: z.string() })
  .meta({ id: 'AmendmentCollision' });

/** An amendment as everyone (or, for a draft, its authors) reads it. */
export const AmendmentSchema = z
  .object({
    id: z.string(),
    billId: z.string(),
    number: z.string().nullable(),
    status: AmendmentStatusSchema,
    kind: z.string(),
    origin: OriginSchema,
    groupCode: z.string().nullable(),
    authors: z.array(AmendmentAuthorSchema),
    target: z.object({
      articleId: z.string().nullable(),
      articleNumber: z.string().nullable(),
      afterArticleId: z.string().nullable(),
      anchor: AnchorSchema.nullable(),
      anchorStatus: z.enum([AnchorStatus.ok, AnchorStatus.drifted, AnchorStatus.orphan]).nullable(),
    }),
    parentId: z.string().nullable(),
    newArticleNumber: z.string().nullable().meta({ description: 'add_article: the number of the article it adds' }),
    text: z.string().nullable().meta({ description: 'The dispositif (null when hidden or for deletions)' }),
    expose: z.string().nullable(),
    diff: AmendmentDiffSchema.nullable().meta({ description: 'Against the current text; null when the target is gone' }),
    parentDiff: AmendmentDiffSchema.nullable().meta({ description: 'Sous-amendement: the parent’s own change, the first layer' }),
    formalWording: FormalWordingSchema.nullable().meta({ description: 'Official form of the dispositif, from the diff; null with it' }),
    collisions: z.array(CollisionSchema),
    needsRebase: z.boolean(),
    tombstone: TombstoneSchema,
    createdAt: z.string(),
    depositedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    appliedCommitId: z.number().int().nullable(),
  })
  .meta({ id: 'Amendment' });
export type Amendment = z.infer<typeof AmendmentSchema>;

/** Query of `GET /bills/:billId/amendments`. */
export const AmendmentListQuerySchema = z.object({
  status: AmendmentStatusSchema.optional(),
  articleId: z.string().min(1).max(100).optional(),
  mine: z.enum(['true', 'false']).optional().meta({ description: 'true: only the caller’s own amendments, drafts included' }),
});
