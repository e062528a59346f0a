/**
 * A sous-amendement (AMEND1, AMEND2): a new wording of a deposited amendment's dispositif, previewed as a word diff
 * against it while typing; saved as a draft, whose page then lets its author invite co-authors and deposit it.
 */
import { useState } from 'preact/hooks';
import type { Amendment } from '../../../shared/api/amendments.ts';
import { useSession } from '../account/session.ts';
import { draftAmendment } from '../api/amendments.ts';
import { Link, navigate, pathOf } from '../app/router.tsx';
import { DiffView } from '../diff/DiffView.tsx';
import { useT } from '../i18n/i18n.ts';
import { wordDiff } from '../../../shared/text/wordDiff.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { Field } from '../ui/Field.tsx';
import { useAmendmentTitle } from './useAmendmentTitle.ts';

/** Whether a sous-amendement can be proposed on this amendment: a deposited one with a dispositif, not itself one. */
export const acceptsSubAmendments = (amendment: Amendment) =>
  amendment.status === 'deposited' && amendment.kind !== 'sub_amendment' && amendment.text !== null && amendment.tombstone === null;

export function SubAmendForm({ parent, onChanged }: { parent: Amendment; onChanged: (amendment: Amendment) => void }) {
  const t = useT();
  const title = useAmendmentTitle();
  const me = useSession();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(parent.text ?? '');
  const [expose, setExpose] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const before = parent.text ?? '';
  const formId = `sub-amend-${parent.id}`;

  if (!me) {
    return (
      <p>
        <Link href={`/signin?next=${encodeURIComponent(window.location.pathname)}`}>{t('subAmend.signIn')}</Link>
      </p>
    );
  }
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await draftAmendment(parent.billId, { kind: 'sub_amendment', parentId: parent.id, text, expose });
      onChanged(created);
      navigate(pathOf('bills', parent.billId, 'amendments', created.id));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="sub-amend" aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`}>{t('subAmend.title', { title: title(parent) })}</h3>
      <button type="button" aria-expanded={open} aria-controls={formId} onClick={() => setOpen(!open)}>
        {t('subAmend.open')}
      </button>
      {open && (
        <form id={formId} class="composer stack" onSubmit={(e) => void submit(e)}>
          <Field label={t('subAmend.text')} hint={t('subAmend.textHint')}>
            {(props) => <textarea {...props} rows={4} maxLength={50000} value={text} onInput={(e) => setText(e.currentTarget.value)} />}
          </Field>
          <DiffView parts={wordDiff(before, text)} context={80} label={t('subAmend.ownLayer')} />
          <Field label={t('amendment.expose')} hint={t('amend.exposeHint')}>
            {(props) => <textarea {...props} rows={3} maxLength={20000} value={expose} onInput={(e) => setExpose(e.currentTarget.value)} />}
          </Field>
          <ErrorMessage error={error} />
          <div class="actions">
            <button type="submit" class="primary" disabled={busy || text.trim() === '' || text === before}>
              {t('amend.saveDraft')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
