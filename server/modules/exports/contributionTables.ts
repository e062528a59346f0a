/**
 * The tables of what happened on a bill in the open-data export: amendments and their authors, official responses,
 * vote tallies, arguments, sources, questions, annotations, the moderation log and the hash-chained ledger. Hidden
 * contributions read as tombstones (text withheld, public reason given), as the API shows them; individual votes
 * are personal data and appear only as tallies.
 */
import { f, hiddenFields, personFields, table } from './fields.ts';

const AMENDMENT_STATUSES = ['deposited', 'adopted', 'rejected', 'withdrawn', 'fallen', 'inadmissible', 'not_moved', 'not_voted'] as const;
const TARGET_TYPES = ['article', 'amendment', 'argument'] as const;
const DEBATE_TARGETS = ['article', 'amendment'] as const;

/** Amendments. */
export const amendmentsTable = table('amendments', 'Every public amendment (drafts stay private to their authors): imported ones and those proposed here.', {
  id: f.id('Amendment id'),
  number: f.textOrNull('Number (given at deposit for amendments proposed here; as tabled for imported ones)'),
  stepKey: f.textOrNull('Key of the step it was tabled at (see steps)'),
  status: f.enumOf(
    AMENDMENT_STATUSES,
    'Outcome or state: deposited (awaiting a decision), adopted, rejected, withdrawn, fallen (tombé), inadmissible, not_moved (non soutenu); not_voted for imported amendments La Fabrique de la loi reports only as non-voté',
  ),
  kind: f.text('What it changes: replace, insert, delete (words), rewrite_article, delete_article, add_article, sub_amendment; imported for imported amendments'),
  origin: f.text('citizen, organisation, group (a parliamentarian for a political group), government, parliamentarian; imported for imported ones'),
  groupCode: f.textOrNull('Political group it was filed for (see groups)'),
  authorName: f.text('Author as filed (imported: as the assembly lists them; here: the first author’s display name)'),
  subject: f.textOrNull('What it targets as the assembly files it (Article 2, Après l’article 5…), imported amendments'),
  articleId: f.textOrNull('Target article (see articles.articleId)'),
  articleNumber: f.textOrNull('Target article’s number (for add_article: the number of the article it adds)'),
  afterArticleId: f.textOrNull('add_article: the article the new one follows (empty: at the start)'),
  parentId: f.textOrNull('sub_amendment: the amendment it amends'),
  date: f.timeOrNull('Day it was tabled (YYYY-MM-DD)'),
  text: f.textOrNull('Dispositif: the proposed text (empty for deletions, imported amendments, and hidden ones)'),
  expose: f.textOrNull('Exposé sommaire: the rationale (empty when hidden)'),
  diffBefore: f.textOrNull('The targeted text before the change (live while deposited, as decided afterwards)'),
  diffAfter: f.textOrNull('The targeted text after the change'),
  diffParts: f.json('Word-level diff from diffBefore to diffAfter: [{op: equal|insert|delete, text}] (JSON)'),
  formalHeader: f.textOrNull('Official form: header line (ARTICLE 3, ARTICLE ADDITIONNEL APRÈS L’ARTICLE 2…)'),
  formalDispositif: f.texts('Official form: the dispositif as the assemblies word it, one paragraph per item (CSV: one per line)'),
  quote: f.textOrNull('The words of the official text it targets (range amendments)'),
  alinea: f.intOrNull('The alinéa they were in, from 1'),
  anchorStatus: f.textOrNull('Whether the targeted words are still found: ok, drifted, orphan'),
  collisions: f.texts('Ids of the open amendments whose targets overlap this one’s (CSV: one per line)'),
  needsRebase: f.bool('An adopted amendment changed the words it targets'),
  createdAt: f.time('When it was created (imported ones: when imported)'),
  depositedAt: f.timeOrNull('When it was deposited (amendments proposed here)'),
  decidedAt: f.timeOrNull('When it was decided or withdrawn'),
  appliedCommitId: f.intOrNull('Adopted: the edit of the working text that applied it'),
  sourceId: f.textOrNull('Id of the amendment at NosDéputés / NosSénateurs (imported)'),
  sourceUrl: f.textOrNull('Where its full text was published (imported)'),
  ...hiddenFields,
});

/** Authors of amendments. */
export const amendmentAuthorsTable = table('amendment_authors', 'Who wrote each amendment proposed here, first author first.', {
  amendmentId: f.id('The amendment'),
  position: f.int('0 for the first author, then co-authors in the order they joined'),
  status: f.enumOf(['author', 'coauthor', 'invited'], 'author (first author), coauthor (accepted an invitation) or invited (not yet accepted)'),
  ...personFields('author', 'the author'),
});

/** Official responses. */
export const responsesTable = table('responses', 'Official answers of the bill’s rapporteurs to amendments (with an avis) and to questions: the current one per target.', {
  id: f.id('Response id'),
  targetType: f.enumOf(['amendment', 'question'], 'What it answers'),
  targetId: f.id('The amendment or question answered'),
  avis: f.enumOrNull(['favorable', 'defavorable', 'sagesse', 'retrait'], 'Avis on an amendment: favorable, defavorable, sagesse, retrait (demande de retrait); empty for a question'),
  body: f.text('The written answer'),
  ...personFields('author', 'the parliamentarian who answered'),
  publishedAt: f.time('When this answer was published (answering again replaces it; the ledger keeps every one)'),
});

/** Vote tallies. */
export const voteTalliesTable = table('vote_tallies', 'Votes d’accord / mitigé / pas d’accord per target, counted: individual votes are personal data and are not exported. Targets nobody voted on are left out.', {
  targetType: f.enumOf(TARGET_TYPES, 'article, amendment or argument'),
  targetId: f.id('Its id'),
  agree: f.int('d’accord'),
  mixed: f.int('mitigé'),
  disagree: f.int('pas d’accord'),
  total: f.int('All votes'),
});

/** Arguments. */
export const argumentsTable = table('arguments', 'Arguments pour / contre an article or an amendment, oldest first (their votes are in vote_tallies).', {
  id: f.id('Argument id'),
  targetType: f.enumOf(DEBATE_TARGETS, 'article or amendment'),
  targetId: f.id('Its id'),
  side: f.enumOf(['pour', 'contre'], 'pour or contre'),
  body: f.textOrNull('The argument (empty when hidden)'),
  ...personFields('author', 'the author'),
  ...hiddenFields,
  createdAt: f.time('When it was written'),
  editedAt: f.timeOrNull('When its author last edited it'),
});

/** Sources. */
export const sourcesTable = table('sources', 'Sources (links) given on an article or an amendment, oldest first.', {
  id: f.id('Source id'),
  targetType: f.enumOf(DEBATE_TARGETS, 'article or amendment'),
  targetId: f.id('Its id'),
  title: f.textOrNull('Title (empty when hidden)'),
  url: f.textOrNull('Link (empty when hidden)'),
  description: f.textOrNull('Description (empty when hidden)'),
  ...personFields('author', 'who gave it'),
  ...hiddenFields,
  createdAt: f.time('When it was given'),
});

/** Questions. */
export const questionsTable = table('questions', 'Questions to the bill’s parliamentarians, on the bill or an article, oldest first (answers are in responses).', {
  id: f.id('Question id'),
  articleId: f.textOrNull('The article it is about; empty for the whole bill'),
  body: f.textOrNull('The question (empty when hidden)'),
  ...personFields('author', 'who asked'),
  ...hiddenFields,
  createdAt: f.time('When it was asked'),
});

/** Annotations. */
export const annotationsTable = table('annotations', 'Highlighted passages with a comment, and replies, oldest thread first, each thread’s replies after it.', {
  id: f.id('Annotation id'),
  parentId: f.textOrNull('For a reply: the annotation that starts the thread'),
  articleId: f.textOrNull('The article annotated'),
  quote: f.textOrNull('The words highlighted (empty for a reply)'),
  alinea: f.intOrNull('The alinéa they were in, from 1'),
  anchorStatus: f.textOrNull('Whether they are still found in the text: ok, drifted, orphan'),
  body: f.textOrNull('The comment (empty when hidden)'),
  ...personFields('author', 'the author'),
  ...hiddenFields,
  createdAt: f.time('When it was written'),
  editedAt: f.timeOrNull('When its author last edited it'),
  reactionsLike: f.int('Reactions "like"'),
  reactionsInsightful: f.int('Reactions "insightful"'),
  reactionsQuestion: f.int('Reactions "question"'),
  reactionsDisagree: f.int('Reactions "disagree"'),
});

/** Moderation log. */
export const moderationTable = table('moderation_log', 'The public moderation log, oldest first: every hide, restore and dismissal, with its public reason.', {
  id: f.id('Action id'),
  at: f.time('When'),
  action: f.enumOf(['hide', 'restore', 'dismiss'], 'hide (the contribution reads as a tombstone), restore, or dismiss (its reports were dismissed)'),
  targetType: f.text('annotation, amendment, argument, source or question'),
  targetId: f.id('Its id'),
  reason: f.text('The moderator’s public reason'),
  ...personFields('moderator', 'the moderator'),
});

/** Ledger. */
export const ledgerTable = table(
  'ledger',
  'The bill’s hash-chained event log, as the public reads it, oldest first: every change, each entry chained to the one before (see “Verifying the ledger”).',
  {
    id: f.int('Entry id (global, increasing)'),
    seq: f.int('Position in this bill’s chain, from 1'),
    type: f.text('What happened (bill.imported, amendment.deposited, moderation.hidden…)'),
    actorId: f.textOrNull('User who did it (empty for the command line and for votes, whose voter is sealed or withheld)'),
    createdAt: f.time('When (ISO 8601, UTC, milliseconds), as hashed'),
    payload: f.json(
      'What the entry records (JSON); text of hidden contributions withheld (null). A vote carries its target and its seal: SHA-256 (hex) of the canonical JSON of its sealed fields with a random salt, kept private',
    ),
    prevHash: f.text('hash of the previous entry (64 zeros for the first)'),
    hash: f.text('SHA-256 (hex) of the canonical JSON of {billId, seq, type, actorId, payload, createdAt, prevHash} as stored'),
    redacted: f.json('Set while the contribution whose text the entry carries is hidden: {target, fields, reason, hiddenAt} (JSON)'),
    withheld: f.texts('Fields withheld from this export for privacy (set to null) on a vote recorded before votes were sealed: its actorId, value and previous value; empty otherwise'),
    sealed: f.texts('Fields the entry sealed when it was written (a vote’s actorId, value and previous value): in no export, covered by the hash through payload.seal; empty otherwise'),
  },
);
