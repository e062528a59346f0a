/** The bill's live activity: the last entries of its ledger, newest first, growing as things happen. */
import { isVoteTally } from '../../../shared/api/live.ts';
import { formatDate, useLanguage, useT } from '../i18n/i18n.ts';
import { useRecentEvents } from '../live/BillEvents.tsx';
import { eventLabel } from './eventLabels.ts';

export function EventFeed({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const t = useT();
  const lang = useLanguage();
  const events = useRecentEvents();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="feed" aria-labelledby="feed-title">
      <Heading id="feed-title" data-route-focus tabIndex={-1}>
        {t('feed.title')}
      </Heading>
      {events.length === 0 && <p class="muted">{t('feed.empty')}</p>}
      <div role="log" aria-live="polite" aria-label={t('feed.title')}>
        <ol class="feed-list">
        {events.map(({ cursor, event }) => {
          if (isVoteTally(event)) return null;
          const label = eventLabel(event.type);
          return (
            <li key={cursor} class="feed-item">
              <span class="feed-text">{label ? t(label) : event.type}</span> <time dateTime={event.at}>{formatDate(lang, event.at, true)}</time>
            </li>
          );
        })}
        </ol>
      </div>
    </section>
  );
}
