/**
 * One amendment's page (a deep link): a draft is the workspace where its authors write it together; otherwise the
 * card with its full context, and a sous-amendement can be proposed on a deposited amendment.
 */
import type { Amendment } from '../../../shared/api/amendments.ts';
import { Link, pathOf } from '../app/router.tsx';
import { useT } from '../i18n/i18n.ts';
import { useLoadTallies } from '../votes/tallies.tsx';
import { AmendmentCard } from './AmendmentCard.tsx';
import { DraftWorkspace, type LiveBillText } from './DraftWorkspace.tsx';
import { acceptsSubAmendments, SubAmendForm } from './SubAmendForm.tsx';
import { useAmendmentTitle } from './useAmendmentTitle.ts';

export function AmendmentDetail({
  billId,
  amendment,
  amendments,
  live,
  loading,
  onChanged,
}: {
  billId: string;
  amendment: Amendment | undefined;
  /** The bill's amendments the reader sees (a sous-amendement's parent among them). */
  amendments: readonly Amendment[];
  live: LiveBillText | null;
  loading: boolean;
  onChanged: (amendment: Amendment) => void;
}) {
  const t = useT();
  const title = useAmendmentTitle();
  useLoadTallies(billId, 'amendment', amendment && amendment.status !== 'draft' ? [amendment.id] : []);
  const parent = amendment?.parentId ? amendments.find((other) => other.id === amendment.parentId) : undefined;
  return (
    <div class="amendment-detail">
      <p>
        <Link href={pathOf('bills', billId, 'amendments')}>{t('amendments.back')}</Link>
      </p>
      <h2 id="amendment-page-title" data-route-focus tabIndex={-1}>
        {amendment ? title(amendment) : loading ? t('common.loading') : t('error.amendmentNotFound')}
      </h2>
      {amendment?.status === 'draft' && <DraftWorkspace amendment={amendment} parent={parent} live={live} headingId="amendment-page-title" onChanged={onChanged} />}
      {amendment && amendment.status !== 'draft' && <AmendmentCard amendment={amendment} parent={parent} onChanged={onChanged} />}
      {amendment && acceptsSubAmendments(amendment) && <SubAmendForm parent={amendment} onChanged={onChanged} />}
    </div>
  );
}
