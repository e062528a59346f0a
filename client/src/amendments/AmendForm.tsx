/**
 * Amend inline: replace, delete or insert after the targeted words, with the word diff previewed live against the
 * current text, likely collisions shown while typing, then a draft (the server's diff and collisions) to deposit.
 */
import { useState } from 'preact/hooks';
import type * as Y from 'yjs';
import type { Amendment } from '../../../shared/api/amendments.ts';
import { draftAmendment } from '../api/amendments.ts';
import { Link, pathOf } from '../app/router.tsx';
import { type MessageKey, useT } from '../i18n/i18n.ts';
import { anchorInputAt } from '../annotations/anchorInput.ts';
import { DiffView } from '../diff/DiffView.tsx';
import { PassageField } from '../reader/PassageField.tsx';
import { type ComposerTarget, currentRange } from '../reader/target.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { Field } from '../ui/Field.tsx';
import { AmendmentCard, useAmendmentTitle } from './AmendmentCard.tsx';
import { type InlineKind, likelyCollisions, proposalDiff } from './proposal.ts';

const kinds: { kind: InlineKind; label: MessageKey }[] = [
  { kind: 'replace', label: 'amend.kind.replace' },
  { kind: 'delete', label: 'amend.kind.delete' },
  { kind: 'insert', label: 'amend.kind.insert' },
];

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
  const [kind, setKind] = useState<InlineKind>('replace');
  const [text, setText] = useState('');
  const [expose, setExpose] = useState('');
  const [draft, setDraft] = useState<Amendment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const range = currentRange(doc, target, passage);
  const needsText = kind !== 'delete';
  const ready = !('problem' in range) && (!needsText || text !== '');

  const submit = async (event: Event) => {
    event.preventDefault();
    if ('problem' in range || !ready) return;
    setBusy(true);
    setError(null);
    try {
      const point = kind === 'insert';
      const anchor = anchorInputAt(doc, target.articleId, point ? range.index + range.length : range.index, point ? 0 : range.length);
      const created = await draftAmendment(billId, kind === 'delete' ? { kind, anchor, expose } : { kind, anchor, text, expose });
      setDraft(created);
      onChanged(created);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (draft) {
    return (
      <section class="composer stack" aria-labelledby="amend-title">
        <h3 id="amend-title" tabIndex={-1} data-composer-focus>
          {draft.status === 'draft' ? t('amend.draftSaved') : t('amend.deposited', { title: title(draft) })}
        </h3>
        <p role="status">{draft.status === 'draft' ? t('amend.draftHint') : t('amend.depositedHint')}</p>
        <AmendmentCard
          amendment={draft}
          onChanged={(changed) => {
            setDraft(changed);
            onChanged(changed);
          }}
        />
        <div class="actions">
          {draft.status !== 'draft' && <Link href={pathOf('bills', billId, 'amendments', draft.id)}>{t('amend.open')}</Link>}
          <button type="button" onClick={onCancel}>
            {t('common.close')}
          </button>
        </div>
      </section>
    );
  }

  const preview = 'problem' in range ? null : proposalDiff(range.articleText, range.index, range.length, kind, needsText ? text : '');
  const collisions = 'problem' in range ? [] : likelyCollisions(doc, amendments, target.articleId, range.index, range.length);

  return (
    <form class="composer stack" onSubmit={(e) => void submit(e)} aria-labelledby="amend-title">
      <h3 id="amend-title" tabIndex={-1} data-composer-focus>
        {t('amend.title')}
      </h3>
      <PassageField target={target} range={range} passage={passage} onPassage={setPassage} />
      <fieldset>
        <legend>{t('amend.kind')}</legend>
        {kinds.map((option) => (
          <label class="choice" key={option.kind}>
            <input type="radio" name="amend-kind" value={option.kind} checked={kind === option.kind} onChange={() => setKind(option.kind)} />
            {t(option.label)}
          </label>
        ))}
      </fieldset>
      {needsText && (
        <Field label={t(kind === 'insert' ? 'amend.insertedText' : 'amend.newText')}>
          {(props) => <textarea {...props} rows={3} maxLength={50000} value={text} onInput={(e) => setText(e.currentTarget.value)} />}
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
        {(props) => <textarea {...props} rows={3} maxLength={20000} value={expose} onInput={(e) => setExpose(e.currentTarget.value)} />}
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
