/**
 * The rows of the deliberation tables, read through each module's public read use cases (the same presentation the
 * API gives anonymous readers: public amendments only, tombstones for hidden content, the redacted ledger), page by
 * page where the use case pages, so a long bill is never held whole.
 */
import type { Amendment } from '../../../shared/api/amendments.ts';
import type { Annotation } from '../../../shared/api/annotations.ts';
import type { OfficialResponse } from '../../../shared/api/responses.ts';
import { LEDGER_PAGE_MAX, type LedgerEvent } from '../../../shared/api/ledger.ts';
import { articlesOf } from '../../../shared/collab/billDocument.ts';
import { listAnnotations } from '../annotations/index.ts';
import { listArguments } from '../arguments/index.ts';
import { articleIdOf, type StoredBillContent } from '../bills/index.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { readLedgerPage, type RedactEntries } from '../ledger/index.ts';
import { listModerationLog } from '../moderation/index.ts';
import { listQuestions } from '../questions/index.ts';
import { responsesOf } from '../responses/index.ts';
import { listSources } from '../sources/index.ts';
import { talliesOf } from '../votes/index.ts';
import { flattenPerson, flattenTombstone, type RowOf } from './fields.ts';
import type {
  amendmentAuthorsTable,
  amendmentsTable,
  annotationsTable,
  argumentsTable,
  ledgerTable,
  moderationTable,
  questionsTable,
  responsesTable,
  sourcesTable,
  voteTalliesTable,
} from './tables.ts';

/** What an export reads with: the deliberation modules' ports, and the server's redaction of the public ledger. */
export interface ExportDeps extends DeliberationDeps {
  redact: RedactEntries;
}

/** What the deliberation tables are read from. */
export interface ContributionSource {
  deps: ExportDeps;
  billId: string;
  content: StoredBillContent;
  /** The bill's public amendments as the API presents them. */
  amendments: Amendment[];
  ledgerHead: number;
}

/** Rows per page of the paged listings (their largest page). */
const PAGE = 200;
/** Ids per query of tallies and responses. */
const IDS_PER_QUERY = 200;

/** Every item of a listing read `PAGE` at a time, oldest first. */
async function* paged<T>(read: (offset: number) => Promise<T[]>): AsyncGenerator<T> {
  for (let offset = 0; ; offset += PAGE) {
    const items = await read(offset);
    yield* items;
    if (items.length < PAGE) return;
  }
}

const chunks = <T>(items: readonly T[]) => Array.from({ length: Math.ceil(items.length / IDS_PER_QUERY) }, (_, i) => items.slice(i * IDS_PER_QUERY, (i + 1) * IDS_PER_QUERY));

const listing = { sort: 'oldest', limit: PAGE } as const;

/** The public amendments, with the metadata they were tabled with. */
export function* amendmentRows({ amendments, content }: ContributionSource): Generator<RowOf<typeof amendmentsTable>> {
  const tabled = new Map(content.amendments.map((amendment) => [amendment.id, amendment]));
  for (const amendment of amendments) {
    const filed = tabled.get(amendment.id);
    yield {
      id: amendment.id,
      number: amendment.number,
      stepKey: filed?.stepKey || null,
      status: amendment.status as RowOf<typeof amendmentsTable>['status'],
      kind: amendment.kind,
      origin: amendment.origin,
      groupCode: amendment.groupCode,
      authorName: filed?.authorName ?? '',
      subject: filed?.subject || null,
      articleId: amendment.target.articleId,
      articleNumber: amendment.newArticleNumber ?? amendment.target.articleNumber,
      afterArticleId: amendment.target.afterArticleId,
      parentId: amendment.parentId,
      date: filed?.date ?? null,
      text: amendment.text,
      expose: amendment.expose,
      diffBefore: amendment.diff?.before ?? null,
      diffAfter: amendment.diff?.after ?? null,
      diffParts: amendment.diff?.parts ?? null,
      formalHeader: amendment.formalWording?.header ?? null,
      formalDispositif: amendment.formalWording?.dispositif ?? [],
      quote: amendment.target.anchor?.quote.exact ?? null,
      alinea: amendment.target.anchor?.alinea ?? null,
      anchorStatus: amendment.target.anchorStatus,
      collisions: amendment.collisions.map((collision) => collision.id),
      needsRebase: amendment.needsRebase,
      createdAt: amendment.createdAt,
      depositedAt: amendment.depositedAt,
      decidedAt: amendment.decidedAt,
      appliedCommitId: amendment.appliedCommitId,
      sourceId: filed?.sourceId ?? null,
      sourceUrl: filed?.sourceUrl ?? null,
      ...flattenTombstone(amendment.tombstone),
    };
  }
}

/** The authors of every public amendment. */
export function* amendmentAuthorRows({ amendments }: ContributionSource): Generator<RowOf<typeof amendmentAuthorsTable>> {
  for (const amendment of amendments) {
    for (const [position, author] of amendment.authors.entries()) {
      yield { amendmentId: amendment.id, position, status: author.status, ...flattenPerson('author', author.user) };
    }
  }
}

function responseRow(response: OfficialResponse): RowOf<typeof responsesTable> {
  return {
    id: response.id,
    targetType: response.target.type,
    targetId: response.target.id,
    avis: response.avis,
    body: response.body,
    ...flattenPerson('author', response.author),
    publishedAt: response.publishedAt,
  };
}

/** The current answers to amendments, then to questions. */
export async function* responseRows({ deps, billId, amendments }: ContributionSource): AsyncGenerator<RowOf<typeof responsesTable>> {
  for (const ids of chunks(amendments.map((amendment) => amendment.id))) {
    const answers = await responsesOf(deps.db, 'amendment', ids);
    for (const id of ids) {
      const answer = answers.get(id);
      if (answer) yield responseRow(answer);
    }
  }
  for await (const question of paged(async (offset) => (await listQuestions(deps.db, billId, { ...listing, offset })).questions)) {
    if (question.response) yield responseRow(question.response);
  }
}

/** The tallies of every article (of any version, or of the live text), public amendment and argument voted on. */
export async function* tallyRows(source: ContributionSource): AsyncGenerator<RowOf<typeof voteTalliesTable>> {
  const { deps, billId, content, amendments } = source;
  const live = await deps.texts.read(billId, (doc) => articlesOf(doc).toArray().map((article) => article.get('id') as string));
  const versioned = content.steps.flatMap((step) => step.text?.articles.map((article) => article.number) ?? []);
  const articleIds = [...new Set([...versioned.map((number) => articleIdOf(billId, number)), ...live])];
  const argumentIds: string[] = [];
  for await (const argument of paged(async (offset) => (await listArguments(deps.db, billId, { ...listing, offset })).arguments)) argumentIds.push(argument.id);
  const targets = [
    { type: 'article', ids: articleIds },
    { type: 'amendment', ids: amendments.map((amendment) => amendment.id) },
    { type: 'argument', ids: argumentIds },
  ] as const;
  for (const { type, ids } of targets) {
    for (const chunk of chunks(ids)) {
      const tallies = await talliesOf(deps.db, billId, type, chunk);
      for (const id of chunk) {
        const tally = tallies.get(id);
        if (tally && tally.total > 0) yield { targetType: type, targetId: id, ...tally };
      }
    }
  }
}

/** The arguments, oldest first. */
export async function* argumentRows({ deps, billId }: ContributionSource): AsyncGenerator<RowOf<typeof argumentsTable>> {
  for await (const argument of paged(async (offset) => (await listArguments(deps.db, billId, { ...listing, offset })).arguments)) {
    yield {
      id: argument.id,
      targetType: argument.target.type,
      targetId: argument.target.id,
      side: argument.side,
      body: argument.body,
      ...flattenPerson('author', argument.author),
      ...flattenTombstone(argument.tombstone),
      createdAt: argument.createdAt,
      editedAt: argument.editedAt,
    };
  }
}

/** The sources, oldest first. */
export async function* sourceRows({ deps, billId }: ContributionSource): AsyncGenerator<RowOf<typeof sourcesTable>> {
  for await (const source of paged(async (offset) => (await listSources(deps.db, billId, { ...listing, offset })).sources)) {
    yield {
      id: source.id,
      targetType: source.target.type,
      targetId: source.target.id,
      title: source.title,
      url: source.url,
      description: source.description,
      ...flattenPerson('author', source.author),
      ...flattenTombstone(source.tombstone),
      createdAt: source.createdAt,
    };
  }
}

/** The questions, oldest first. */
export async function* questionRows({ deps, billId }: ContributionSource): AsyncGenerator<RowOf<typeof questionsTable>> {
  for await (const question of paged(async (offset) => (await listQuestions(deps.db, billId, { ...listing, offset })).questions)) {
    yield {
      id: question.id,
      articleId: question.articleId,
      body: question.body,
      ...flattenPerson('author', question.author),
      ...flattenTombstone(question.tombstone),
      createdAt: question.createdAt,
    };
  }
}

function annotationRow(annotation: Annotation): RowOf<typeof annotationsTable> {
  return {
    id: annotation.id,
    parentId: annotation.parentId,
    articleId: annotation.articleId,
    quote: annotation.anchor?.quote.exact ?? null,
    alinea: annotation.anchor?.alinea ?? null,
    anchorStatus: annotation.anchorStatus,
    body: annotation.body,
    ...flattenPerson('author', annotation.author),
    ...flattenTombstone(annotation.tombstone),
    createdAt: annotation.createdAt,
    editedAt: annotation.editedAt,
    reactionsLike: annotation.reactions.like,
    reactionsInsightful: annotation.reactions.insightful,
    reactionsQuestion: annotation.reactions.question,
    reactionsDisagree: annotation.reactions.disagree,
  };
}

/** The annotation threads, oldest first, each followed by its replies. */
export async function* annotationRows({ deps, billId }: ContributionSource): AsyncGenerator<RowOf<typeof annotationsTable>> {
  for await (const thread of paged(async (offset) => (await listAnnotations(deps, null, billId, { ...listing, offset })).annotations)) {
    const { replies, ...root } = thread;
    yield annotationRow(root);
    for (const reply of replies) yield annotationRow(reply);
  }
}

/** The moderation log, oldest first (the use case lists it newest first, and it stays short). */
export async function* moderationRows({ deps, billId }: ContributionSource): AsyncGenerator<RowOf<typeof moderationTable>> {
  const actions = [];
  for await (const action of paged(async (offset) => (await listModerationLog(deps.db, billId, { offset, limit: PAGE })).actions)) actions.push(action);
  for (const action of actions.reverse()) {
    yield {
      id: action.id,
      at: action.at,
      action: action.action,
      targetType: action.target.type,
      targetId: action.target.id,
      reason: action.reason,
      ...flattenPerson('moderator', action.moderator),
    };
  }
}

/** An entry as exported: as the public reads it (hidden text and who voted how withheld, LEDGER6 and LEDGER8). */
function ledgerRow(entry: LedgerEvent): RowOf<typeof ledgerTable> {
  const { id, seq, type, actorId, createdAt, payload, prevHash, hash, redacted, withheld, sealed } = entry;
  return { id, seq, type, actorId, createdAt, payload, prevHash, hash, redacted: redacted ?? null, withheld: withheld ?? [], sealed: sealed ?? [] };
}

/** The ledger up to the head read when the export started, oldest first. */
export async function* ledgerRows({ deps, billId, ledgerHead }: ContributionSource): AsyncGenerator<RowOf<typeof ledgerTable>> {
  let after = 0;
  for (;;) {
    const page = await readLedgerPage(deps.db, deps.redact, billId, { after, limit: LEDGER_PAGE_MAX });
    for (const entry of page.events) {
      if (entry.seq > ledgerHead) return;
      yield ledgerRow(entry);
    }
    if (page.next === null) return;
    after = page.next;
  }
}
