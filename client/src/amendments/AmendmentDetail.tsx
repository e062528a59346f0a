/** One amendment's page (a deep link): the card with its full context. */
import type { Amendment } from '../../../shared/api/amendments.ts';
import { Link, pathOf } from '../app/router.tsx';
import { useT } from '../i18n/i18n.ts';
import { useLoadTallies } from '../votes/tallies.tsx';
import { AmendmentCard, useAmendmentTitle } from './AmendmentCard.tsx';

export function AmendmentDetail({
  billId,
  amendment,
  loading,
  onChanged,
}: {
  billId: string;
  amendment: Amendment | undefined;
  loading: boolean;
  onChanged: (amendment: Amendment) => void;
}) {
  const t = useT();
  const title = useAmendmentTitle();
  useLoadTallies(billId, 'amendment', amendment && amendment.status !== 'draft' ? [amendment.id] : []);
  return (
    <div class="amendment-detail">
      <p>
        <Link href={pathOf('bills', billId, 'amendments')}>{t('amendments.back')}</Link>
      </p>
      <h2 data-route-focus tabIndex={-1}>
        {amendment ? title(amendment) : loading ? t('common.loading') : t('error.amendmentNotFound')}
      </h2>
      {amendment && <AmendmentCard amendment={amendment} onChanged={onChanged} />}
    </div>
  );
}
