/**
 * The detail of one contribution's lineage (TRACE1–4): its history from the ledger (each entry, who made it, the
 * status it reached), every official answer (the one in force marked), and what made a fallen amendment fall.
 */
import type { ContributionTrace as Trace } from '../../../shared/api/lineage.ts';
import { traceContribution } from '../api/lineage.ts';
import { avisLabels } from '../amendments/labels.ts';
import { Link, pathOf } from '../app/router.tsx';
import { eventLabel } from '../feed/eventLabels.ts';
import { formatDate, useLanguage, useT } from '../i18n/i18n.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { useAsync } from '../ui/useAsync.ts';
import { outcomeLabel } from './labels.ts';

function History({ trace }: { trace: Trace }) {
  const t = useT();
  const lang = useLanguage();
  return (
    <>
      <h4>{t('profile.history')}</h4>
      <ol class="trace-history">
        {trace.history.map((entry) => {
          const label = eventLabel(entry.type);
          const status = entry.status ? outcomeLabel(entry.status) : null;
          return (
            <li key={entry.seq}>
              <time dateTime={entry.at}>{formatDate(lang, entry.at, true)}</time> · {label ? t(label) : entry.type}
              {entry.status && <> → <span class="badge">{status ? t(status) : entry.status}</span></>}
              {entry.actor && <span class="muted"> ({entry.actor.displayName})</span>}
            </li>
          );
        })}
      </ol>
    </>
  );
}

function Answers({ trace }: { trace: Trace }) {
  const t = useT();
  const lang = useLanguage();
  if (trace.responses.length === 0) return <p class="muted">{t('profile.noAnswer')}</p>;
  return (
    <>
      <h4>{t('profile.answers')}</h4>
      <ul class="trace-answers">
        {trace.responses.map((response) => (
          <li key={response.id} class="official-answer">
            <p class="label-like">
              {response.avis && <span class="badge">{t(avisLabels[response.avis])}</span>} {response.respondent?.displayName ?? ''} ·{' '}
              <time dateTime={response.publishedAt}>{formatDate(lang, response.publishedAt, true)}</time>
              {response.current ? ` · ${t('profile.answerCurrent')}` : ` · ${t('profile.answerReplaced')}`}
            </p>
            <p>{response.body}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

export function ContributionTrace({ id, kind }: { id: string; kind: Trace['kind'] }) {
  const t = useT();
  const trace = useAsync(() => traceContribution(id, kind), [id, kind]);
  if (trace.error) return <ErrorMessage error={trace.error} />;
  if (!trace.data) return <p role="status">{t('common.loading')}</p>;
  const fallen = trace.data.amendment?.fallenBecauseOf;
  return (
    <div class="trace">
      {fallen && (
        <p>
          {t('profile.fallenBecauseOf')}{' '}
          <Link href={pathOf('bills', trace.data.bill.id, 'amendments', fallen.id)}>
            {fallen.number ? t('amendment.numbered', { number: fallen.number }) : t('profile.kind.amendment')}
          </Link>
        </p>
      )}
      <History trace={trace.data} />
      <Answers trace={trace.data} />
    </div>
  );
}
