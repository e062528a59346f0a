/** A bill's amendments with their diffs, statuses and numbers, filtered by status. */
import { useState } from 'preact/hooks';
import type { Amendment, AmendmentStatus } from '../../../shared/api/amendments.ts';
import { useT } from '../i18n/i18n.ts';
import { useLoadTallies } from '../votes/tallies.tsx';
import { AmendmentCard } from './AmendmentCard.tsx';
import { statusLabels } from './labels.ts';

const filters: (AmendmentStatus | 'all')[] = ['all', 'deposited', 'adopted', 'rejected', 'draft', 'withdrawn', 'fallen'];

export function AmendmentList({ billId, amendments, onChanged }: { billId: string; amendments: Amendment[]; onChanged: (amendment: Amendment) => void }) {
  const t = useT();
  const [filter, setFilter] = useState<AmendmentStatus | 'all'>('all');
  const shown = amendments.filter((amendment) => filter === 'all' || amendment.status === filter);
  useLoadTallies(billId, 'amendment', amendments.filter((a) => a.status !== 'draft').map((a) => a.id));
  return (
    <div class="amendments">
      <h2 data-route-focus tabIndex={-1}>
        {t('amendments.title')}
      </h2>
      <div class="field inline">
        <label for="amendment-filter">{t('amendments.filter')}</label>
        <select id="amendment-filter" value={filter} onChange={(e) => setFilter(e.currentTarget.value as AmendmentStatus | 'all')}>
          {filters.map((value) => (
            <option key={value} value={value}>
              {value === 'all' ? t('amendments.all') : t(statusLabels[value])}
            </option>
          ))}
        </select>
      </div>
      <p role="status" class="muted">
        {t('amendments.count', { count: shown.length })}
      </p>
      <ul class="cards">
        {shown.map((amendment) => (
          <li key={amendment.id}>
            <AmendmentCard amendment={amendment} parent={amendments.find((other) => other.id === amendment.parentId)} onChanged={onChanged} />
          </li>
        ))}
      </ul>
    </div>
  );
}
