/**
 * Amend from the reader: replace, delete or insert after the targeted words, or rewrite, delete or add a whole
 * article (AMEND1), with the word diff previewed live against the current text and likely collisions shown while
 * typing; then a draft (the server's diff and collisions) to deposit, or to open and write with co-authors.
 */
import { useState } from 'preact/hooks';
import type * as Y from 'yjs';
import { findArticleText } from '../../../shared/anchors/index.ts';
import type { Amendment, CreateAmendmentBody } from '../../../shared/api/amendments.ts';
import { draftAmendment } from '../api/amendments.ts';
import { Link, pathOf } from '../app/router.tsx';
import { useT } from '../i18n/i18n.ts';
import { anchorInputAt } from '../annotations/anchorInput.ts';
import { DiffView } from '../diff/DiffView.tsx';
import { readArticles } from '../live/billDoc.ts';
import { PassageField } from '../reader/PassageField.tsx';
import { type ComposerTarget, currentRange, type TargetRange } from '../reader/target.ts';
import type { DiffPart } from '../../../shared/text/wordDiff.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { Field } from '../ui/Field.tsx';
import { AmendmentCard } from './AmendmentCard.tsx';
import { KindChoice } from './KindChoice.tsx';
import { type NewArticlePlace, NewArticleFields, numberProblem } from './NewArticleFields.tsx';
import { articleChangeDiff, articleCollisions, type FormKind, isInlineKind, likelyCollisions, proposalDiff, takesText } from './proposal.ts';
import { useAmendmentTitle } from './useAmendmentTitle.ts';

/** What the form holds besides its target. */
interface Proposal {
  kind: FormKind;
  text: string;
  expose: string;
  place: NewArticlePlace;
}

/** The request body, or null while something is missing. */
function requestOf(doc: Y.Doc, target: ComposerTarget, range: TargetRange, proposal: Proposal): CreateAmendmentBody | null {
  const { kind, text, expose } = proposal;
  if (takesText(kind) && text === '') return null;
  switch (kind) {
    case 'replace':
    case 'insert':
    case 'delete': {
      if ('problem' in range) return null;
      const point = kind === 'insert';
      const anchor = anchorInputAt(doc, target.articleId, point ? range.index + range.length : range.index, point ? 0 : range.length);
      return kind === 'delete' ? { kind, anchor, expose } : { kind, anchor, text, expose };
    }
    case 'rewrite_article':
      return { kind, articleId: target.articleId, text, expose };
    case 'delete_article':
      return { kind, articleId: target.articleId, expose };
    case 'add_article':
      if (numberProblem(readArticles(doc), proposal.place.number) !== null) return null;
      return { kind, afterArticleId: proposal.place.afterArticleId || null, number: proposal.place.number.trim(), text, expose };
  }
}

/** The live preview of the change, or null while its passage is not found. */
function previewOf(range: TargetRange, articleText: string, proposal: Proposal): DiffPart[] | null {
  const text = takesText(proposal.kind) ? proposal.text : '';
  if (!isInlineKind(proposal.kind)) return articleChangeDiff(proposal.kind, articleText, text);
  return 'problem' in range ? null : proposalDiff(range.articleText, range.index, range.length, proposal.kind, text);
}

function SavedDraft({ billId, draft, onChanged, onClose }: { billId: string; draft: Amendment; onChanged: (amendment: Amendment) => void; onClose: () => void }) {
  const t = useT();
  const title = useAmendmentTitle();
  return (
    <section class="composer stack" aria-labelledby="amend-title">
      <h3 id="amend-title" tabIndex={-1} data-composer-focus>
        {draft.status === 'draft' ? t('amend.draftSaved') : t('amend.deposited', { title: title(draft) })}
      </h3>
      <p role="status">{draft.status === 'draft' ? t('amend.draftHint') : t('amend.depositedHint')}</p>
      <AmendmentCard amendment={draft} onChanged={onChanged} />
      <div class="actions">
        <Link href={pathOf('bills', billId, 'amendments', draft.id)}>{draft.status === 'draft' ? t('amend.openDraft') : t('amend.open')}</Link>
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </section>
  );
}

export function AmendForm({
  billId,
  doc,
  target,
  amendments,
  onChanged,
  onCancel,
}: {
  billId: string;
  doc: Y.Doc;
  target: ComposerTarget;
  amendments: Amendment[];
  onChanged: (amendment: Amendment) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const title = useAmendmentTitle();
  const [passage, setPassage] = useState('');
  const [proposal, setProposal] = useState<Proposal>({ kind: 'replace', text: '', expose: '', place: { afterArticleId: target.articleId, number: `${target.articleNumber} bis` } });
  const [draft, setDraft] = useState<Amendment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const range = currentRange(doc, target, passage);
  const articleText = findArticleText(doc, target.articleId)?.toJSON() ?? '';
  const ready = requestOf(doc, target, range, proposal) !== null;
  const change = (patch: Partial<Proposal>) => setProposal((current) => ({ ...current, ...patch }));
  // Rewriting an article starts from its current wording, to be edited rather than retyped.
  const chooseKind = (kind: FormKind) => change(kind === 'rewrite_article' && proposal.text === '' ? { kind, text: articleText } : { kind });

  const submit = async (event: Event) => {
    event.preventDefault();
    // Built now, against the text as it is at this moment (an anchor follows later edits from here on).
    const request = requestOf(doc, target, currentRange(doc, target, passage), proposal);
    if (!request) return;
    setBusy(true);
    setError(null);
    try {
      const created = await draftAmendment(billId, request);
      setDraft(created);
      onChanged(created);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (draft) {
    const update = (changed: Amendment) => {
      setDraft(changed);
      onChanged(changed);
    };
    return <SavedDraft billId={billId} draft={draft} onChanged={update} onClose={onCancel} />;
  }

  const { kind } = proposal;
  const inline = isInlineKind(kind);
  const preview = previewOf(range, articleText, proposal);
  const collisions = !inline
    ? kind === 'add_article'
      ? []
      : articleCollisions(amendments, target.articleId)
    : 'problem' in range
      ? []
      : likelyCollisions(doc, amendments, target.articleId, range.index, range.length);
  const textLabel = { insert: 'amend.insertedText', rewrite_article: 'amend.articleText', add_article: 'amend.newArticleText' } as const;

  return (
    <form class="composer stack" onSubmit={(e) => void submit(e)} aria-labelledby="amend-title">
      <h3 id="amend-title" tabIndex={-1} data-composer-focus>
        {t('amend.title')}
      </h3>
      <KindChoice kind={kind} articleNumber={target.articleNumber} onKind={chooseKind} />
      {inline && <PassageField target={target} range={range} passage={passage} onPassage={setPassage} />}
      {kind === 'add_article' && <NewArticleFields articles={readArticles(doc)} place={proposal.place} onPlace={(place) => change({ place })} />}
      {takesText(kind) && (
        <Field label={t(kind in textLabel ? textLabel[kind as keyof typeof textLabel] : 'amend.newText', { number: target.articleNumber })} hint={inline ? undefined : t('amend.alineaHint')}>
          {(props) => <textarea {...props} rows={inline ? 3 : 6} maxLength={50000} value={proposal.text} onInput={(e) => change({ text: e.currentTarget.value })} />}
        </Field>
      )}
      {preview && <DiffView parts={preview} context={80} label={t('amend.preview')} />}
      {collisions.length > 0 && (
        <div class="collisions" role="note">
          <p class="label-like">{t('amend.likelyCollisions', { count: collisions.length })}</p>
          <ul>
            {collisions.map((other) => (
              <li key={other.id}>
                <Link href={pathOf('bills', billId, 'amendments', other.id)}>{title(other)}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Field label={t('amendment.expose')} hint={t('amend.exposeHint')}>
        {(props) => <textarea {...props} rows={3} maxLength={20000} value={proposal.expose} onInput={(e) => change({ expose: e.currentTarget.value })} />}
      </Field>
      <ErrorMessage error={error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || !ready}>
          {t('amend.saveDraft')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
