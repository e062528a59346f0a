/** Publish the live working text as the version of a new legislative step. */
import { useState } from 'preact/hooks';
import type { Version } from '../../../shared/api/bills.ts';
import { INSTITUTIONS, STAGES, STEP_KINDS } from '../../../shared/legislative.ts';
import { publishVersion } from '../api/bills.ts';
import { Link, pathOf } from '../app/router.tsx';
import { stageLabel } from '../bill/stepLabels.ts';
import { useT } from '../i18n/i18n.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { Field } from '../ui/Field.tsx';

const today = () => new Date().toISOString().slice(0, 10);

export function PublishForm({ billId }: { billId: string }) {
  const t = useT();
  const [form, setForm] = useState<{ stage: string; institution: string; kind: string; date: string; title: string }>({ stage: STAGES[0], institution: INSTITUTIONS[0], kind: 'commission', date: today(), title: '' });
  const [published, setPublished] = useState<Version | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (event: { currentTarget: HTMLInputElement | HTMLSelectElement }) => setForm({ ...form, [key]: event.currentTarget.value });

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setPublished(
        await publishVersion(billId, {
          stage: form.stage as (typeof STAGES)[number],
          institution: form.institution as (typeof INSTITUTIONS)[number],
          kind: form.kind === '' ? null : (form.kind as (typeof STEP_KINDS)[number]),
          date: form.date,
          title: form.title,
        }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="publish-title">
      <h3 id="publish-title">{t('publish.title')}</h3>
      <p class="hint">{t('publish.hint')}</p>
      <form class="stack" onSubmit={(e) => void submit(e)}>
        <Field label={t('publish.stage')}>
          {(props) => (
            <select {...props} value={form.stage} onChange={set('stage')}>
              {STAGES.map((stage) => (
                <option key={stage} value={stage}>
                  {stage}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('publish.institution')}>
          {(props) => (
            <select {...props} value={form.institution} onChange={set('institution')}>
              {INSTITUTIONS.map((institution) => (
                <option key={institution} value={institution}>
                  {stageLabel(t, { stage: '', institution, kind: null })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('publish.kind')}>
          {(props) => (
            <select {...props} value={form.kind} onChange={set('kind')}>
              <option value="">{t('publish.noKind')}</option>
              {STEP_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {stageLabel(t, { stage: '', institution: '', kind })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('publish.date')}>{(props) => <input {...props} type="date" required value={form.date} onInput={set('date')} />}</Field>
        <Field label={t('publish.versionTitle')}>{(props) => <input {...props} required maxLength={500} value={form.title} onInput={set('title')} />}</Field>
        <ErrorMessage error={error} />
        <button type="submit" class="primary" disabled={busy || !form.title.trim()}>
          {t('publish.submit')}
        </button>
      </form>
      {published && (
        <p role="status" class="success">
          {t('publish.done')} <Link href={pathOf('bills', billId, 'versions', published.id)}>{published.title}</Link>
        </p>
      )}
    </section>
  );
}
