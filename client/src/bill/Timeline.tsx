/** The bill's legislative steps in procedure order, each linking to the version it produced. */
import type { Bill } from '../../../shared/api/bills.ts';
import { Link, pathOf } from '../app/router.tsx';
import { formatDate, useLanguage, useT } from '../i18n/i18n.ts';
import { stageLabel } from './stepLabels.ts';

export function Timeline({ bill, currentVersionId }: { bill: Bill; currentVersionId: string | undefined }) {
  const t = useT();
  const lang = useLanguage();
  return (
    <section class="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title" class="section-title">
        {t('timeline.title')}
      </h2>
      <ol>
        {bill.steps.map((step) => {
          const current = step.versionId !== null && step.versionId === currentVersionId;
          return (
            <li key={step.id} class={`step${step.echec ? ' failed' : ''}${current ? ' current' : ''}`}>
              <span class="step-label">
                {step.versionId ? (
                  <Link href={pathOf('bills', bill.id, 'versions', step.versionId)} aria-current={current ? 'page' : undefined}>
                    {stageLabel(t, step)}
                  </Link>
                ) : (
                  stageLabel(t, step)
                )}
              </span>
              {step.date && <time dateTime={step.date}>{formatDate(lang, step.date)}</time>}
              {step.echec && <span class="badge badge-orphan">{step.echec}</span>}
              {step.decision && <span class="badge">{step.decision}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
