/**
 * A sous-amendement's first layer (AMEND2): the change its parent amendment makes to the bill, with a link to it;
 * the sous-amendement's own change to the parent's dispositif is the second layer, shown after it.
 */
import type { Amendment } from '../../../shared/api/amendments.ts';
import { Link, pathOf } from '../app/router.tsx';
import { DiffView } from '../diff/DiffView.tsx';
import { useT } from '../i18n/i18n.ts';
import { useAmendmentTitle } from './useAmendmentTitle.ts';

export function ParentLayer({ amendment, parent }: { amendment: Amendment; parent: Amendment | undefined }) {
  const t = useT();
  const title = useAmendmentTitle();
  if (amendment.parentId === null) return null;
  const parentTitle = parent ? title(parent) : t('subAmend.parent');
  return (
    <div class="layer">
      <p>
        {t('subAmend.amends')} <Link href={pathOf('bills', amendment.billId, 'amendments', amendment.parentId)}>{parentTitle}</Link>
      </p>
      {amendment.parentDiff && <DiffView parts={amendment.parentDiff.parts} context={80} label={t('subAmend.parentLayer', { title: parentTitle })} />}
    </div>
  );
}
