/**
 * Everything a newsroom can take away (EXPORT1–8, FEED1): the open-data export (JSON, CSV zip and its README), La
 * Fabrique's file layout, a git bundle, the current version in Akoma Ntoso, the Atom feed; and the live activity.
 */
import type { Bill } from '../../../shared/api/bills.ts';
import { exportUrls } from '../api/evolution.ts';
import { EventFeed } from '../feed/EventFeed.tsx';
import { type MessageKey, useT } from '../i18n/i18n.ts';

type Download = keyof ReturnType<typeof exportUrls>;

const DOWNLOADS: readonly { download: Download; label: MessageKey; description: MessageKey }[] = [
  { download: 'json', label: 'evolution.data.json', description: 'evolution.data.jsonHint' },
  { download: 'csv', label: 'evolution.data.csv', description: 'evolution.data.csvHint' },
  { download: 'readme', label: 'evolution.data.readme', description: 'evolution.data.readmeHint' },
  { download: 'laFabrique', label: 'evolution.data.laFabrique', description: 'evolution.data.laFabriqueHint' },
  { download: 'git', label: 'evolution.data.git', description: 'evolution.data.gitHint' },
  { download: 'akomaNtoso', label: 'evolution.data.akomaNtoso', description: 'evolution.data.akomaNtosoHint' },
  { download: 'atom', label: 'evolution.data.atom', description: 'evolution.data.atomHint' },
];

/** The version the bill's last step with a text produced: "the current version" of the exports. */
const latestVersionId = (bill: Bill) => bill.steps.findLast((step) => step.versionId !== null)?.versionId ?? null;

export function DataView({ bill }: { bill: Bill }) {
  const t = useT();
  const urls = exportUrls(bill.id, latestVersionId(bill));
  return (
    <section class="evolution-data" aria-labelledby="evolution-section-title">
      <h3 id="evolution-section-title">{t('evolution.data.title')}</h3>
      <ul class="export-links">
        {DOWNLOADS.map(({ download, label, description }) => {
          const href = urls[download];
          if (!href) return null;
          return (
            <li key={download}>
              <a href={href} data-export={download} aria-describedby={`export-${download}`}>
                {t(label)}
              </a>
              <span class="hint" id={`export-${download}`}>
                {' '}
                {t(description)}
              </span>
            </li>
          );
        })}
      </ul>
      <EventFeed headingLevel={3} />
    </section>
  );
}
