/**
 * A bill's moderation: the public log for everyone (what was hidden, restored or dismissed, why, by whom) and, for
 * moderators, the open reports on the bill with hide and dismiss, each with the public reason the log will show.
 */
import { useState } from 'preact/hooks';
import type { QueuedReport } from '../../../shared/api/moderation.ts';
import { useSession } from '../account/session.ts';
import { getModerationLog, getReportQueue, moderate } from '../api/moderation.ts';
import { AuthorLine } from '../annotations/AuthorLine.tsx';
import { formatDate, type MessageKey, useLanguage, useT } from '../i18n/i18n.ts';
import { useReloadOn } from '../live/BillEvents.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { Field } from '../ui/Field.tsx';
import { useAsync } from '../ui/useAsync.ts';

const reasonLabels: Record<QueuedReport['reason'], MessageKey> = {
  spam: 'report.spam',
  offensive: 'report.offensive',
  off_topic: 'report.offTopic',
  other: 'report.other',
};

const kindLabels: Record<QueuedReport['target']['type'], MessageKey> = {
  annotation: 'moderation.kind.annotation',
  amendment: 'moderation.kind.amendment',
  argument: 'moderation.kind.argument',
  source: 'moderation.kind.source',
  question: 'moderation.kind.question',
};

const actionLabels: Record<'hide' | 'restore' | 'dismiss', MessageKey> = {
  hide: 'moderation.action.hide',
  restore: 'moderation.action.restore',
  dismiss: 'moderation.action.dismiss',
};

function QueuedReportItem({ billId, report, onDone }: { billId: string; report: QueuedReport; onDone: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const act = async (action: 'hide' | 'dismiss') => {
    setBusy(true);
    setError(null);
    try {
      await moderate(billId, action, { target: report.target, reason });
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="report-item">
      <p>
        <strong>{t(kindLabels[report.target.type])}</strong> · {t(reasonLabels[report.reason])}
        {report.targetReports > 1 && <> · {t('moderation.reportCount', { count: report.targetReports })}</>}
      </p>
      <blockquote class="quote">{report.targetExcerpt}</blockquote>
      {report.text && <p class="muted">{report.text}</p>}
      <AuthorLine author={report.reporter} at={report.createdAt} />
      <Field label={t('moderation.reason')} hint={t('moderation.reasonHint')}>
        {(props) => <input {...props} type="text" minLength={3} maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <ErrorMessage error={error} />
      <div class="actions">
        <button type="button" disabled={busy || reason.trim().length < 3} onClick={() => void act('hide')}>
          {t('moderation.hide')}
        </button>{' '}
        <button type="button" disabled={busy || reason.trim().length < 3} onClick={() => void act('dismiss')}>
          {t('moderation.dismiss')}
        </button>
      </div>
    </li>
  );
}

function ReportQueue({ billId }: { billId: string }) {
  const t = useT();
  const queue = useAsync(() => getReportQueue(billId), [billId]);
  useReloadOn(['moderation.', 'report.'], queue.reload);
  // One report per target is enough to act on: the others on it are resolved with it.
  const seen = new Set<string>();
  const reports = (queue.data?.reports ?? []).filter((report) => {
    const key = `${report.target.type}:${report.target.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return (
    <section aria-labelledby="queue-title">
      <h3 id="queue-title">{t('moderation.queue')}</h3>
      <ErrorMessage error={queue.error} />
      {queue.data && reports.length === 0 && <p class="muted">{t('moderation.queueEmpty')}</p>}
      <ul class="report-list">
        {reports.map((report) => (
          <QueuedReportItem key={report.id} billId={billId} report={report} onDone={queue.reload} />
        ))}
      </ul>
    </section>
  );
}

function ModerationLog({ billId }: { billId: string }) {
  const t = useT();
  const lang = useLanguage();
  const log = useAsync(() => getModerationLog(billId), [billId]);
  useReloadOn(['moderation.'], log.reload);
  return (
    <section aria-labelledby="log-title">
      <h3 id="log-title">{t('moderation.log')}</h3>
      <ErrorMessage error={log.error} />
      {log.data && log.data.actions.length === 0 && <p class="muted">{t('moderation.logEmpty')}</p>}
      <ol class="moderation-log">
        {(log.data?.actions ?? []).map((action) => (
          <li key={action.id}>
            <strong>{t(actionLabels[action.action])}</strong> · {t(kindLabels[action.target.type])} · « {action.reason} » ·{' '}
            {action.moderator.displayName} · <time dateTime={action.at}>{formatDate(lang, action.at, true)}</time>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ModerationScreen({ billId }: { billId: string }) {
  const t = useT();
  const me = useSession();
  const isModerator = me?.role === 'moderator' || me?.role === 'admin';
  return (
    <section class="moderation" aria-labelledby="moderation-title">
      <h2 id="moderation-title" data-route-focus tabIndex={-1}>
        {t('moderation.title')}
      </h2>
      {isModerator && <ReportQueue billId={billId} />}
      <ModerationLog billId={billId} />
    </section>
  );
}
