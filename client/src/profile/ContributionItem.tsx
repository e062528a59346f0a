/**
 * One of my contributions and what became of it (TRACE6): its outcome, for an adopted amendment the version it
 * landed in and whether its words are still in the text, its answers and last activity; the full lineage on demand.
 */
import { useState } from 'preact/hooks';
import type { ContributionSummary } from '../../../shared/api/lineage.ts';
import { Link, pathOf } from '../app/router.tsx';
import { formatDate, useLanguage, useT } from '../i18n/i18n.ts';
import { ContributionTrace } from './ContributionTrace.tsx';
import { outcomeLabel, presenceLabels, traceKindLabels } from './labels.ts';

function AmendmentFacts({ item }: { item: ContributionSummary }) {
  const t = useT();
  const lang = useLanguage();
  const lineage = item.amendment;
  if (!lineage) return null;
  const { landedIn, words } = lineage;
  return (
    <>
      {landedIn && (
        <div>
          <dt>{t('profile.landedIn')}</dt>
          <dd>
            <Link href={pathOf('bills', item.bill.id, 'versions', landedIn.versionId)}>{landedIn.title}</Link>
            {landedIn.date && ` · ${formatDate(lang, landedIn.date)}`}
          </dd>
        </div>
      )}
      {lineage.status === 'adopted' && !landedIn && (
        <div>
          <dt>{t('profile.landedIn')}</dt>
          <dd>{t('profile.notLandedYet')}</dd>
        </div>
      )}
      {words.presence !== 'not_applicable' && (
        <div>
          <dt>{t('profile.words')}</dt>
          <dd class={`words words-${words.presence}`}>{t(presenceLabels[words.presence], { present: words.present, inserted: words.inserted })}</dd>
        </div>
      )}
    </>
  );
}

export function ContributionItem({ item }: { item: ContributionSummary }) {
  const t = useT();
  const lang = useLanguage();
  const [open, setOpen] = useState(false);
  const number = item.amendment?.number;
  const name = number ? t('amendment.numbered', { number }) : t(traceKindLabels[item.kind]);
  const href = item.kind === 'amendment' ? pathOf('bills', item.bill.id, 'amendments', item.id) : pathOf('bills', item.bill.id);
  const outcome = outcomeLabel(item.outcome);
  const detailId = `trace-${item.id}`;
  return (
    <article class="card contribution" aria-labelledby={`${detailId}-title`} data-contribution-id={item.id}>
      <h3 id={`${detailId}-title`} class="card-title">
        <Link href={href}>{name}</Link> <span class="muted">· {item.bill.shortTitle}</span>
      </h3>
      {item.tombstone ? <p class="tombstone">{t('annotations.hidden', { reason: item.tombstone.reason })}</p> : null}
      {item.excerpt && <blockquote class="quote">{item.excerpt}</blockquote>}
      <dl class="facts">
        <div>
          <dt>{t('profile.outcome')}</dt>
          <dd>
            <span class={`badge status status-${item.outcome}`}>{outcome ? t(outcome) : item.outcome}</span>
          </dd>
        </div>
        <AmendmentFacts item={item} />
        <div>
          <dt>{t('profile.answerCount')}</dt>
          <dd>{item.responseCount}</dd>
        </div>
        <div>
          <dt>{t('profile.lastActivity')}</dt>
          <dd>
            <time dateTime={item.lastActivityAt}>{formatDate(lang, item.lastActivityAt, true)}</time>
          </dd>
        </div>
      </dl>
      <button type="button" aria-expanded={open} aria-controls={detailId} aria-describedby={`${detailId}-title`} onClick={() => setOpen(!open)}>
        {open ? t('profile.hideDetail') : t('profile.showDetail')}
      </button>
      <div id={detailId} hidden={!open}>
        {open && <ContributionTrace id={item.id} kind={item.kind} />}
      </div>
    </article>
  );
}
