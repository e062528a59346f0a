/** Comment on a passage of the live text; the anchor comes from the client's own copy of the document. */
import { useState } from 'preact/hooks';
import type * as Y from 'yjs';
import type { AnnotationThread } from '../../../shared/api/annotations.ts';
import { createAnnotation } from '../api/annotations.ts';
import { useT } from '../i18n/i18n.ts';
import { PassageField } from '../reader/PassageField.tsx';
import { type ComposerTarget, currentRange } from '../reader/target.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { Field } from '../ui/Field.tsx';
import { anchorInputAt } from './anchorInput.ts';

export function AnnotateForm({
  billId,
  doc,
  target,
  onDone,
  onCancel,
}: {
  billId: string;
  doc: Y.Doc;
  target: ComposerTarget;
  onDone: (thread: AnnotationThread) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [passage, setPassage] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const range = currentRange(doc, target, passage);

  const submit = async (event: Event) => {
    event.preventDefault();
    if ('problem' in range || !body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await createAnnotation(billId, anchorInputAt(doc, target.articleId, range.index, range.length), body));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="composer stack" onSubmit={(e) => void submit(e)} aria-labelledby="annotate-title">
      <h3 id="annotate-title" tabIndex={-1} data-composer-focus>
        {t('annotate.title')}
      </h3>
      <PassageField target={target} range={range} passage={passage} onPassage={setPassage} />
      <Field label={t('annotate.comment')}>
        {(props) => <textarea {...props} rows={4} maxLength={4000} required value={body} onInput={(e) => setBody(e.currentTarget.value)} />}
      </Field>
      <ErrorMessage error={error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || 'problem' in range || !body.trim()}>
          {t('annotate.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
