/**
 * The lineage of contributions (TRACE1–TRACE6): what became of an amendment, an annotation or a question, told from
 * the ledger (every change to a bill is there, in order), the answers it got, and the live text. One contribution is
 * traced by `traceContribution`; a page of a user's own by `myContributions`, with the same reads made once per page.
 */
import type { AnchorStatus } from '../../../shared/anchors/index.ts';
import type { Contributor } from '../../../shared/api/contributions.ts';
import type { LedgerEvent } from '../../../shared/api/ledger.ts';
import {
  type AmendmentLineage,
  type ContributionSummary,
  type ContributionTrace,
  type MyContributions,
  type MyContributionsQuery,
  type TraceEntry,
  type TraceKind,
  TraceKindSchema,
  type TraceResponse,
} from '../../../shared/api/lineage.ts';
import type { AmendmentStatus } from '../../../shared/api/amendments.ts';
import type { Avis } from '../../../shared/api/responses.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { DomainError, notFound } from '../../common/errors.ts';
import { requireUser } from '../../common/guards.ts';
import { type DeliberationDeps, tombstoneOf } from '../contributions/index.ts';
import { entriesAbout } from '../ledger/index.ts';
import { landingsOf } from './landing.ts';
import { amendmentNumbers, billTitles, contributorsById, ownContributions, replyCounts, type Subject, subjectsOfKind } from './lineageQueries.ts';
import { changedArticleOf, liveFactsOf } from './liveFacts.ts';
import { presenceOf } from './wordsPresence.ts';

/** The entry types that tell what happened to a contribution, and the payload fields naming it. */
const TRACED_TYPES = [
  'amendment.drafted',
  'amendment.edited',
  'amendment.coauthor_invited',
  'amendment.coauthor_joined',
  'amendment.deposited',
  'amendment.withdrawn',
  'amendment.outcome',
  'amendment.outcome_reverted',
  'amendment.applied',
  'amendment.rebase_needed',
  'annotation.created',
  'annotation.replied',
  'annotation.edited',
  'question.asked',
  'response.published',
  'moderation.hidden',
  'moderation.restored',
];
const SUBJECT_FIELDS = ['amendmentId', 'annotationId', 'questionId', 'target.id'];
const EXCERPT_LENGTH = 280;

/** The contribution an entry is about (the first of the subject fields it carries). */
function subjectOf(entry: LedgerEvent): string | null {
  const { payload } = entry;
  const target = payload.target as { id?: unknown } | undefined;
  const id = payload.amendmentId ?? payload.annotationId ?? payload.questionId ?? target?.id;
  return typeof id === 'string' ? id : null;
}

/** The state an entry moved its contribution to, if any. */
function statusOf(entry: LedgerEvent): string | null {
  switch (entry.type) {
    case 'amendment.drafted':
      return 'draft';
    case 'amendment.deposited':
    case 'amendment.outcome_reverted':
      return 'deposited';
    case 'amendment.withdrawn':
      return 'withdrawn';
    case 'amendment.outcome':
      return typeof entry.payload.outcome === 'string' ? entry.payload.outcome : null;
    case 'response.published':
      return 'answered';
    case 'moderation.hidden':
      return 'hidden';
    case 'moderation.restored':
      return 'restored';
    default:
      return null;
  }
}

/** Whether the actor wrote the contribution (an amendment: as its first author or a co-author). */
function isOwn(subject: Subject, actor: Actor): boolean {
  if (actor === null) return false;
  if (subject.authorId === actor.id) return true;
  return subject.amendment?.authors.some((author) => author.userId === actor.id && author.writes) ?? false;
}

/** Whether the actor may see it at all: a draft exists only for those named on it (AMEND3). */
function isVisible(subject: Subject, actor: Actor): boolean {
  if (subject.amendment?.status !== 'draft') return true;
  return actor !== null && subject.amendment.authors.some((author) => author.userId === actor.id);
}

const stringOf = (value: unknown) => (typeof value === 'string' ? value : '');
const excerptOf = (text: string) => (text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text);

/** Traces of the subjects, in their order; every read is made once for all of them. */
async function traces(deps: DeliberationDeps, actor: Actor, subjects: readonly Subject[]): Promise<ContributionTrace[]> {
  if (subjects.length === 0) return [];
  const { db } = deps;
  const billIds = [...new Set(subjects.map((subject) => subject.billId))];
  const entries = await entriesAbout(db, { billIds, types: TRACED_TYPES, subjects: { fields: SUBJECT_FIELDS, ids: subjects.map((subject) => subject.id) } });
  const bySubject = new Map<string, LedgerEvent[]>();
  for (const entry of entries) {
    const id = subjectOf(entry);
    if (id !== null) bySubject.set(id, [...(bySubject.get(id) ?? []), entry]);
  }
  const entriesOf = (subject: Subject) => (bySubject.get(subject.id) ?? []).filter((entry) => entry.billId === subject.billId);
  const landings = await landingsOf(db, subjects, (id) => bySubject.get(id) ?? []);
  const live = await liveFactsOf(deps, subjects);
  const fallenBy = new Map(subjects.flatMap((subject) => {
    const adopted = subject.amendment?.status === 'fallen' ? entriesOf(subject).findLast((entry) => statusOf(entry) === 'fallen')?.payload.adopted : undefined;
    return typeof adopted === 'string' ? [[subject.id, adopted] as const] : [];
  }));
  const numbers = await amendmentNumbers(db, [...fallenBy.values()]);
  const people = await contributorsById(db, [
    ...subjects.flatMap((subject) => (subject.authorId ? [subject.authorId] : [])),
    ...entries.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])),
  ]);
  const titles = await billTitles(db, billIds);
  const replies = await replyCounts(db, subjects.filter((subject) => subject.annotation && subject.annotation.parentId === null).map((subject) => subject.id));
  const personOf = (id: string | null): Contributor | null => (id === null ? null : (people.get(id) ?? null));

  return subjects.map((subject) => {
    const own = entriesOf(subject);
    const answers = own.filter((entry) => entry.type === 'response.published');
    const responses: TraceResponse[] = answers.map((entry, i) => ({
      id: stringOf(entry.payload.responseId),
      avis: (entry.payload.avis as Avis | null | undefined) ?? null,
      body: stringOf(entry.payload.body),
      respondent: personOf(entry.actorId),
      publishedAt: entry.createdAt,
      current: i === answers.length - 1,
    }));
    const history: TraceEntry[] = own.map((entry) => ({ seq: entry.seq, type: entry.type, at: entry.createdAt, actor: personOf(entry.actorId), status: statusOf(entry) }));
    const author = personOf(subject.authorId);
    const anchorStatus = live.anchorStatuses.get(subject.id) ?? ((subject.annotation?.anchorStatus as AnchorStatus | null | undefined) ?? null);
    const adoptedBy = fallenBy.get(subject.id);
    return {
      id: subject.id,
      kind: subject.kind,
      bill: { id: subject.billId, shortTitle: titles.get(subject.billId) ?? '' },
      author,
      authorName: author?.displayName ?? subject.authorName,
      excerpt: subject.hiddenAt !== null && !isOwn(subject, actor) ? null : excerptOf(subject.text),
      tombstone: tombstoneOf(subject),
      createdAt: subject.createdAt.toISOString(),
      outcome: outcomeOf(subject, anchorStatus, responses.length > 0),
      amendment: subject.amendment && {
        ...amendmentLineageOf(subject),
        fallenBecauseOf: adoptedBy === undefined ? null : { id: adoptedBy, number: numbers.get(adoptedBy) ?? null },
        landedIn: landings.get(subject.id) ?? null,
        words: wordsOf(live.words.get(subject.id)),
      },
      annotation: subject.annotation && {
        parentId: subject.annotation.parentId,
        articleId: subject.annotation.articleId,
        anchorStatus: subject.annotation.parentId === null ? anchorStatus : null,
        replies: replies.get(subject.id) ?? 0,
      },
      question: subject.question && { articleId: subject.question.articleId, answer: responses.at(-1) ?? null },
      history,
      responses,
    };
  });
}

function amendmentLineageOf(subject: Subject): Omit<AmendmentLineage, 'fallenBecauseOf' | 'landedIn' | 'words'> {
  const amendment = subject.amendment;
  if (amendment === null) throw new Error('amendmentLineageOf: not an amendment');
  return {
    number: amendment.number,
    kind: amendment.kind ?? 'imported',
    status: amendment.status as AmendmentStatus,
    articleId: changedArticleOf(subject.billId, amendment),
    articleNumber: amendment.articleNumber,
    decidedAt: amendment.decidedAt?.toISOString() ?? null,
  };
}

function wordsOf(count: { inserted: number; present: number } | undefined): AmendmentLineage['words'] {
  return count === undefined ? { presence: 'not_applicable', inserted: 0, present: 0, share: null } : { ...count, ...presenceOf(count) };
}

/** The one-word outcome listings show. */
function outcomeOf(subject: Subject, anchorStatus: AnchorStatus | null, answered: boolean): string {
  switch (subject.kind) {
    case 'amendment':
      return subject.amendment?.status ?? 'unknown';
    case 'annotation':
      return subject.annotation?.parentId ? 'reply' : (anchorStatus ?? 'ok');
    case 'question':
      return answered ? 'answered' : 'awaiting_answer';
  }
}

/** The lineage of one contribution the actor may see; `kind` when the caller knows it. Throws contribution_not_found. */
export async function traceContribution(deps: DeliberationDeps, actor: Actor, id: string, kind?: TraceKind): Promise<ContributionTrace> {
  const kinds = kind ? [kind] : TraceKindSchema.options;
  const found: Subject[] = [];
  // One kind after the other: a store may have a single connection.
  for (const candidate of kinds) found.push(...(await subjectsOfKind(deps.db, candidate, [id])).filter((subject) => isVisible(subject, actor)));
  if (found.length === 0) throw notFound(ErrorCode.contributionNotFound, `No amendment, annotation or question ${id}`);
  if (found.length > 1) {
    throw new DomainError(ErrorCode.validationFailed, 'Contributions of several kinds have this id: say which with ?type=.', {
      errors: [{ path: 'type', message: `required: ${found.map((subject) => subject.kind).join(', ')} share this id` }],
    });
  }
  const [trace] = await traces(deps, actor, found);
  if (trace === undefined) throw new Error('traceContribution: no trace built');
  return trace;
}

/** What became of the signed-in user's contributions: a page of them, most recent first, each with its trace summary. */
export async function myContributions(deps: DeliberationDeps, actor: Actor, query: MyContributionsQuery): Promise<MyContributions> {
  const user = requireUser(actor);
  const { refs, total } = await ownContributions(deps.db, user.id, query);
  const loaded: Subject[] = [];
  for (const kind of TraceKindSchema.options) {
    loaded.push(...(await subjectsOfKind(deps.db, kind, refs.filter((ref) => ref.kind === kind).map((ref) => ref.id))));
  }
  const byRef = new Map(loaded.map((subject) => [`${subject.kind}:${subject.id}`, subject]));
  const subjects = refs.flatMap((ref) => byRef.get(`${ref.kind}:${ref.id}`) ?? []);
  return { items: (await traces(deps, actor, subjects)).map(summaryOf), offset: query.offset, total };
}

function summaryOf(trace: ContributionTrace): ContributionSummary {
  const { history, responses, ...rest } = trace;
  return { ...rest, responseCount: responses.length, lastActivityAt: history.at(-1)?.at ?? trace.createdAt };
}
