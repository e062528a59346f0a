/**
 * A bill's evolution, as journalists read it: the article × step grid, a diff of any two versions, who wrote each
 * word, charts and figures, exports with the live activity. Each view is a link (`/bills/:id/evolution/<view>`,
 * its options in the query), so that a view as set up can be sent to someone.
 */
import type { Bill } from '../../../shared/api/bills.ts';
import { Link } from '../app/router.tsx';
import { type MessageKey, useT } from '../i18n/i18n.ts';
import { ArticleGrid } from './ArticleGrid.tsx';
import { BlameView } from './BlameView.tsx';
import { DataView } from './DataView.tsx';
import { EVOLUTION_SECTIONS, type EvolutionSection, evolutionPath } from './sections.ts';
import { StatsView } from './StatsView.tsx';
import { VersionCompare } from './VersionCompare.tsx';

const sectionLabels: Record<EvolutionSection, MessageKey> = {
  grid: 'evolution.nav.grid',
  diff: 'evolution.nav.diff',
  blame: 'evolution.nav.blame',
  stats: 'evolution.nav.stats',
  data: 'evolution.nav.data',
};

export function EvolutionScreen({ bill, section }: { bill: Bill; section: EvolutionSection }) {
  const t = useT();
  return (
    <div class="evolution">
      <h2 data-route-focus tabIndex={-1}>
        {t('evolution.title')}
      </h2>
      <nav class="subnav" aria-label={t('evolution.nav')}>
        <ul>
          {EVOLUTION_SECTIONS.map((candidate) => (
            <li key={candidate}>
              <Link href={evolutionPath(bill.id, candidate)} aria-current={candidate === section ? 'page' : undefined}>
                {t(sectionLabels[candidate])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {section === 'grid' && <ArticleGrid bill={bill} />}
      {section === 'diff' && <VersionCompare billId={bill.id} />}
      {section === 'blame' && <BlameView bill={bill} />}
      {section === 'stats' && <StatsView billId={bill.id} />}
      {section === 'data' && <DataView bill={bill} />}
    </div>
  );
}
