/**
 * The data behind La Fabrique's "navettes" view, for any bill: its steps in procedure order with their dates, outcome,
 * the text each produced and its amendments; the readings and the shuttles between institutions; overall figures.
 * Counts of the whole procedure are La Fabrique's own (computeProcedureCounts), so they equal its statistics.
 */
import type { Timeline } from '../../../shared/api/timeline.ts';
import { computeProcedureCounts, procedureOf, readArticleSkeletons, stepTextLength, stepWordCount } from '../history/index.ts';
import type { StoredBillContent } from '../bills/index.ts';
import type { TimelineData } from './loadTimelineData.ts';
import { countStatuses, emptyCounts, tallyBy } from './outcomeCounts.ts';

type Step = StoredBillContent['steps'][number];
type ProcedureStep = ReturnType<typeof procedureOf>['steps'][number];

/** Days from one date to another, both included. */
function daysBetween(from: string | null, to: string | null): number | null {
  if (from === null || to === null) return null;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Whether the text arrives in an institution at this step, as La Fabrique counts navettes. */
function arrives(step: Step, previous: Step | undefined): boolean {
  if (step.kind === 'depot') return previous?.kind !== 'depot'; // consecutive dépôts are one arrival
  if (step.stage === 'CMP') return step.kind === 'commission';
  return step.stage === 'congrès' || step.stage === 'constitutionnalité';
}

function outcomeOf(step: Step): Timeline['steps'][number]['outcome'] {
  if (step.echec) return 'failed';
  if (step.decision) return 'decision';
  if (step.stage === 'promulgation') return 'promulgated';
  return step.debatsOrder === null ? 'no_text' : 'text';
}

function versionOf(step: Step, procedureStep: ProcedureStep | undefined): Timeline['steps'][number]['version'] {
  if (step.versionId === null || !procedureStep) return null;
  return {
    id: step.versionId,
    articles: step.text?.articles.length ?? 0,
    articlesWithText: readArticleSkeletons(procedureStep).size,
    length: stepTextLength(procedureStep),
    words: stepWordCount(procedureStep),
  };
}

/** Readings: runs of consecutive steps of one stage. */
function readingsOf(steps: readonly Step[]): Timeline['readings'] {
  const readings: Timeline['readings'] = [];
  steps.forEach((step, i) => {
    let reading = readings.at(-1);
    if (reading === undefined || reading.stage !== step.stage) {
      reading = { stage: step.stage, firstStep: i, lastStep: i, institutions: [], start: null, end: null, failed: false };
      readings.push(reading);
    }
    reading.lastStep = i;
    if (!reading.institutions.includes(step.institution)) reading.institutions.push(step.institution);
    reading.start ??= step.date;
    reading.end = step.endDate ?? step.date ?? reading.end;
    reading.failed ||= step.echec !== null;
  });
  return readings;
}

/** The bill's timeline. */
export function buildTimeline({ bill, amendments }: TimelineData): Timeline {
  const procedure = procedureOf(bill);
  const counts = computeProcedureCounts(procedure);
  const perStep = tallyBy(amendments, (a) => a.stepId);
  const readings = readingsOf(bill.steps);
  const shuttles: Timeline['shuttles'] = [];
  const last = bill.steps.length - 1;
  const steps = bill.steps.map((step, i): Timeline['steps'][number] => {
    if (arrives(step, bill.steps[i - 1])) {
      shuttles.push({ navette: shuttles.length + 1, stepKey: step.key, stage: step.stage, institution: step.institution, date: step.date });
    }
    return {
      id: step.id,
      key: step.key,
      position: i,
      stage: step.stage,
      institution: step.institution,
      kind: step.kind,
      date: step.date,
      endDate: step.endDate,
      days: daysBetween(step.date, step.endDate ?? step.date),
      reading: readings.findIndex((reading) => reading.firstStep <= i && i <= reading.lastStep),
      navette: shuttles.length,
      outcome: outcomeOf(step),
      echec: step.echec,
      decision: step.decision,
      producesText: step.debatsOrder !== null,
      current: i === last && bill.end === null && step.stage !== 'promulgation',
      version: versionOf(step, procedure.steps[i]),
      amendments: { ...(perStep.get(step.id)?.counts ?? emptyCounts()), declared: step.amendmentCount },
    };
  });
  const cmpSteps = bill.steps.filter((step) => step.stage === 'CMP');
  return {
    billId: bill.id,
    sourceRef: bill.sourceRef,
    steps,
    readings,
    shuttles,
    overall: {
      beginning: bill.beginning,
      end: bill.end,
      steps: steps.length,
      totalDays: counts.total_days ?? null,
      depotsInInstitutions: counts.depots_in_institutions,
      echecs: counts.echecs_procedure,
      textsProduced: counts.texts_produced,
      cmp: cmpSteps.length === 0 ? 'none' : cmpSteps.some((step) => step.echec) ? 'failed' : 'agreed',
      amendments: countStatuses(amendments.map((a) => a.status)),
    },
  };
}
