/**
 * Column headers of the grid: a step in a few characters ("AN · comm.", "Sénat · séance") with its date, and the
 * readings that group consecutive steps ("1ère lecture", "CMP"), as La Fabrique heads its article view.
 */
import type { MessageKey, Translate } from '../i18n/i18n.ts';

const shortInstitutions: Record<string, MessageKey> = {
  assemblee: 'evolution.short.assemblee',
  senat: 'evolution.short.senat',
  CMP: 'evolution.short.cmp',
  'conseil constitutionnel': 'evolution.short.conseil',
  gouvernement: 'evolution.short.gouvernement',
  'congrès': 'evolution.short.congres',
};

const shortKinds: Record<string, MessageKey> = {
  depot: 'evolution.short.depot',
  commission: 'evolution.short.commission',
  hemicycle: 'evolution.short.hemicycle',
};

/** "AN · comm." */
export function shortStepLabel(t: Translate, step: { institution: string; kind: string | null }): string {
  const institution = shortInstitutions[step.institution];
  const kind = step.kind ? shortKinds[step.kind] : undefined;
  return [institution ? t(institution) : step.institution, kind ? t(kind) : step.kind].filter(Boolean).join(' · ');
}

/** A day in a few characters ("12/01/16"). */
export function shortDate(lang: 'fr' | 'en', day: string): string {
  const date = new Date(`${day}T12:00:00`);
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: '2-digit', month: '2-digit', year: '2-digit' });
}

/** Runs of consecutive steps of one stage: the first header row, each spanning its steps' columns. */
export function readingsOf<S extends { stage: string }>(steps: readonly S[]): { stage: string; span: number }[] {
  const runs: { stage: string; span: number }[] = [];
  for (const step of steps) {
    const last = runs.at(-1);
    if (last && last.stage === step.stage) last.span += 1;
    else runs.push({ stage: step.stage, span: 1 });
  }
  return runs;
}
