/** How a legislative step reads: stage, institution and kind in the interface language. */
import type { Step } from '../../../shared/api/bills.ts';
import type { MessageKey, Translate } from '../i18n/i18n.ts';

const institutions: Record<string, MessageKey> = {
  assemblee: 'institution.assemblee',
  senat: 'institution.senat',
  CMP: 'institution.cmp',
  'conseil constitutionnel': 'institution.conseil',
  gouvernement: 'institution.gouvernement',
  'congrès': 'institution.congres',
};

const kinds: Record<string, MessageKey> = {
  depot: 'stepKind.depot',
  commission: 'stepKind.commission',
  hemicycle: 'stepKind.hemicycle',
};

/** "1ère lecture · Assemblée nationale · Commission" */
export function stageLabel(t: Translate, step: Pick<Step, 'stage' | 'institution' | 'kind'>): string {
  const institution = institutions[step.institution];
  const kind = step.kind ? kinds[step.kind] : undefined;
  return [step.stage, institution ? t(institution) : step.institution, kind ? t(kind) : step.kind].filter(Boolean).join(' · ');
}
