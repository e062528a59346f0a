/**
 * What lineage reads from the live text (TRACE3, TRACE5): where annotations' anchors stand now, and how many of the
 * words adopted amendments inserted are still in their article. Each bill's live document is read once; the word
 * diffs run like the history's, off the event loop when long (DIFF5).
 */
import type { Anchor, AnchorStatus } from '../../../shared/anchors/index.ts';
import { findArticleText } from '../../../shared/anchors/index.ts';
import { sideOf } from '../../../shared/text/wordDiff.ts';
import { resolveAnchorOnServer } from '../anchors/index.ts';
import { articleIdOf } from '../bills/index.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { diffTexts } from '../history/index.ts';
import type { AmendmentFields, Subject } from './lineageQueries.ts';
import { type WordsCount, wordsStillPresent } from './wordsPresence.ts';

/** What the live text says about the subjects, by id. */
export interface LiveFacts {
  anchorStatuses: Map<string, AnchorStatus>;
  words: Map<string, WordsCount>;
}

/** Kinds whose adoption changes an article's text. */
const TEXT_KINDS = new Set(['replace', 'insert', 'delete', 'rewrite_article', 'delete_article', 'add_article']);

type Adopted = Subject & { amendment: AmendmentFields & { finalDiff: NonNullable<AmendmentFields['finalDiff']> } };

/** An adopted amendment whose change was applied to the live text, with the diff it was decided on. */
function isApplied(subject: Subject): subject is Adopted {
  const amendment = subject.amendment;
  return amendment !== null && amendment.status === 'adopted' && TEXT_KINDS.has(amendment.kind ?? '') && amendment.finalDiff !== null && amendment.appliedCommitId !== null;
}

/** The article the amendment's change is in: the one it targets, or the one it added. */
export function changedArticleOf(billId: string, amendment: AmendmentFields): string | null {
  if (amendment.kind === 'add_article') return amendment.articleNumber === null ? null : articleIdOf(billId, amendment.articleNumber);
  return amendment.articleId ?? amendment.anchor?.articleId ?? null;
}

export async function liveFactsOf(deps: DeliberationDeps, subjects: readonly Subject[]): Promise<LiveFacts> {
  const facts: LiveFacts = { anchorStatuses: new Map(), words: new Map() };
  const anchored = subjects.filter((subject) => subject.annotation?.anchor);
  const adopted = subjects.filter(isApplied);
  const pairs: [string, string][] = [];
  const pending: Adopted[] = [];
  for (const billId of new Set([...anchored, ...adopted].map((subject) => subject.billId))) {
    const onBill = adopted.filter((subject) => subject.billId === billId);
    const texts = await deps.texts.read(billId, (doc) => {
      for (const subject of anchored.filter((candidate) => candidate.billId === billId)) {
        facts.anchorStatuses.set(subject.id, resolveAnchorOnServer(doc, subject.annotation?.anchor as Anchor).status);
      }
      // An article deleted from the text, or gone from the document, holds none of the words.
      return onBill.map((subject) => findArticleText(doc, changedArticleOf(billId, subject.amendment) ?? '')?.toJSON() ?? '');
    });
    onBill.forEach((subject, i) => {
      pairs.push([sideOf(subject.amendment.finalDiff.parts, 'after'), texts[i] ?? '']);
      pending.push(subject);
    });
  }
  const diffs = pairs.length === 0 ? [] : await diffTexts(pairs);
  pending.forEach((subject, i) => {
    const sinceThen = diffs[i];
    if (sinceThen) facts.words.set(subject.id, wordsStillPresent(subject.amendment.finalDiff.parts, sinceThen.parts));
  });
  return facts;
}
