/**
 * A rapporteur's official answer to a deposited amendment (RESP1): an avis (favorable, défavorable, sagesse,
 * demande de retrait) and a text. Answering again replaces the answer; the ledger keeps every one.
 */
import { useId, useState } from 'preact/hooks';
import type { Amendment } from '../../../shared/api/amendments.ts';
import type { Avis } from '../../../shared/api/responses.ts';
import { answerAmendment } from '../api/responses.ts';
import { avisLabels } from '../amendments/labels.ts';
import { useAmendmentTitle } from '../amendments/useAmendmentTitle.ts';
import { useT } from '../i18n/i18n.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { Field } from '../ui/Field.tsx';

const AVIS: Avis[] = ['favorable', 'defavorable', 'sagesse', 'retrait'];

export function AnswerForm({ amendment }: { amendment: Amendment }) {
  const t = useT();
  const title = useAmendmentTitle();
  const legend = useId();
  const [avis, setAvis] = useState<Avis>('favorable');
  const [body, setBody] = useState('');
  const [published, setPublished] = useState<Avis | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await answerAmendment(amendment.billId, amendment.id, { avis, body });
      setPublished(response.avis);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="answer-form stack" onSubmit={(e) => void submit(e)} aria-label={t('answer.formLabel', { title: title(amendment) })}>
      <fieldset aria-labelledby={legend}>
        <legend id={legend}>{t('answer.avis')}</legend>
        {AVIS.map((value) => (
          <label class="choice" key={value}>
            <input type="radio" name={`avis-${amendment.id}`} value={value} checked={avis === value} onChange={() => setAvis(value)} />
            {t(avisLabels[value])}
          </label>
        ))}
      </fieldset>
      <Field label={t('answer.body')}>
        {(props) => <textarea {...props} rows={3} maxLength={10000} required value={body} onInput={(e) => setBody(e.currentTarget.value)} />}
      </Field>
      <ErrorMessage error={error} />
      <p role="status" class="success">
        {published ? t('answer.published', { avis: t(avisLabels[published]) }) : ''}
      </p>
      <button type="submit" disabled={busy || body.trim() === ''}>
        {published ? t('answer.replace') : t('answer.submit')}
      </button>
    </form>
  );
}
