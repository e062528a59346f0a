/** How an amendment is named in the interface. */
import type { Amendment } from '../../../shared/api/amendments.ts';
import { useT } from '../i18n/i18n.ts';

/** The title of an amendment: its number once deposited. */
export function useAmendmentTitle(): (amendment: Pick<Amendment, 'number'>) => string {
  const t = useT();
  return (amendment) => (amendment.number ? t('amendment.numbered', { number: amendment.number }) : t('amendment.draftTitle'));
}
