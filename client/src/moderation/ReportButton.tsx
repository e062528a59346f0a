/**
 * "Report" on a contribution: a disclosure with the reason (spam, offensive, off topic, other + text). Reporting
 * twice is refused by the server (`already_reported`); the button then says it is done, as after a first report.
 */
import { useState } from 'preact/hooks';
import { type ModerationTarget, ReportReason } from '../../../shared/api/moderation.ts';
import { useSession } from '../account/session.ts';
import { ApiError } from '../api/http.ts';
import { fileReport } from '../api/moderation.ts';
import { type MessageKey, useT } from '../i18n/i18n.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { Field } from '../ui/Field.tsx';

const reasons: { value: ReportReason; label: MessageKey }[] = [
  { value: ReportReason.spam, label: 'report.spam' },
  { value: ReportReason.offensive, label: 'report.offensive' },
  { value: ReportReason.offTopic, label: 'report.offTopic' },
  { value: ReportReason.other, label: 'report.other' },
];

export function ReportButton({ billId, target, authorIds }: { billId: string; target: ModerationTarget; authorIds: string[] }) {
  const t = useT();
  const me = useSession();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason>(ReportReason.spam);
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Anonymous readers cannot report; nobody reports their own words.
  if (!me || authorIds.includes(me.id)) return null;
  if (done) return <p class="hint" role="status">{t('report.done')}</p>;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await fileReport(billId, { target, reason, ...(reason === ReportReason.other ? { text } : {}) });
      setDone(true);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'already_reported') setDone(true);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="report">
      <button type="button" class="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('report.open')}
      </button>
      {open && (
        <form class="report-form" onSubmit={(e) => void submit(e)}>
          <Field label={t('report.reason')}>
            {(props) => (
              <select {...props} value={reason} onChange={(e) => setReason(e.currentTarget.value as ReportReason)}>
                {reasons.map(({ value, label }) => (
                  <option key={value} value={value}>
                    {t(label)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {reason === ReportReason.other && (
            <Field label={t('report.text')}>
              {(props) => <textarea {...props} rows={2} maxLength={1000} required value={text} onInput={(e) => setText(e.currentTarget.value)} />}
            </Field>
          )}
          <ErrorMessage error={error} />
          <button type="submit" disabled={busy || (reason === ReportReason.other && !text.trim())}>
            {t('report.send')}
          </button>
        </form>
      )}
    </div>
  );
}
