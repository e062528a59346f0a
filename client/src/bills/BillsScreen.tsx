/** The list of bills, most recently updated first, with a search on titles and references (`?q=` in the URL). */
import { useEffect, useState } from 'preact/hooks';
import type { BillSummary } from '../../../shared/api/bills.ts';
import { listBills } from '../api/bills.ts';
import { Link, navigate, pathOf, useLocation } from '../app/router.tsx';
import { useTitle } from '../app/useTitle.ts';
import { formatDate, useLanguage, useT } from '../i18n/i18n.ts';
import { stageLabel } from '../bill/stepLabels.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { useAsync } from '../ui/useAsync.ts';

const SEARCH_DELAY_MS = 250;

function BillCard({ bill }: { bill: BillSummary }) {
  const t = useT();
  const lang = useLanguage();
  return (
    <li class="card bill-card">
      <h2 class="card-title">
        <Link href={pathOf('bills', bill.id)}>{bill.shortTitle || bill.title}</Link>
      </h2>
      {bill.shortTitle && bill.shortTitle !== bill.title && <p class="muted">{bill.title}</p>}
      <dl class="facts">
        {bill.lastStep && (
          <div>
            <dt>{t('bills.lastStep')}</dt>
            <dd>
              {stageLabel(t, bill.lastStep)}
              {bill.lastStep.date && ` · ${formatDate(lang, bill.lastStep.date)}`}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('bills.versions')}</dt>
          <dd>{bill.versionCount}</dd>
        </div>
        {bill.sourceRef && (
          <div>
            <dt>{t('bills.reference')}</dt>
            <dd>{bill.sourceRef}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}

export function BillsScreen() {
  const t = useT();
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const bills = useAsync(() => listBills({ q: q || undefined, limit: 50 }), [q]);
  useTitle(t('bills.title'));

  // Search as you type, without filling the history with every keystroke.
  useEffect(() => {
    if (draft === q) return undefined;
    const timer = setTimeout(() => navigate(draft ? `/?q=${encodeURIComponent(draft)}` : '/', { replace: true }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, q]);

  return (
    <div class="page">
      <h1 data-route-focus tabIndex={-1}>
        {t('bills.title')}
      </h1>
      <p class="lead">{t('bills.lead')}</p>
      <form
        role="search"
        class="search"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(draft ? `/?q=${encodeURIComponent(draft)}` : '/', { replace: true });
        }}
      >
        <label for="bill-search">{t('bills.search')}</label>
        <div class="search-row">
          <input id="bill-search" type="search" name="q" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
          <button type="submit">{t('bills.searchButton')}</button>
        </div>
      </form>
      <ErrorMessage error={bills.error} />
      <p role="status" class="muted">
        {bills.data ? t('bills.count', { count: bills.data.total }) : t('common.loading')}
      </p>
      {bills.data && (
        <ul class="cards" aria-label={t('bills.title')}>
          {bills.data.bills.map((bill) => (
            <BillCard key={bill.id} bill={bill} />
          ))}
        </ul>
      )}
    </div>
  );
}
