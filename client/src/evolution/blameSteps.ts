/**
 * The steps a blame names, numbered and coloured by their place among the bill's steps that produced a text, so that
 * one step keeps its number and colour whichever version is blamed. Ten colours, then the same with a dashed
 * underline: the number written before each run tells the steps apart anyway.
 */
import type { Bill } from '../../../shared/api/bills.ts';
import type { BlameStep, VersionBlame } from '../../../shared/api/blame.ts';

/** Distinct background colours (all light, so the text on them keeps its AA contrast). */
export const BLAME_COLOURS = 10;

/** A step as the blame view shows it. */
export interface NumberedStep {
  step: BlameStep;
  /** From 1, the step's place among the bill's texts. */
  number: number;
  /** The CSS classes of its runs and swatch. */
  className: string;
  /** Share of the version's characters (blanks aside) first written at this step. */
  share: number;
}

/** The steps named by the blame's runs, in procedure order. */
export function numberedSteps(bill: Bill, blame: VersionBlame): Map<string, NumberedStep> {
  const order = bill.steps.filter((step) => step.versionId !== null).map((step) => step.id);
  const characters = new Map<string, { step: BlameStep; count: number }>();
  let total = 0;
  for (const article of blame.articles) {
    for (const run of article.runs) {
      const count = run.text.replace(/\s+/g, '').length;
      total += count;
      const seen = characters.get(run.step.id) ?? { step: run.step, count: 0 };
      seen.count += count;
      characters.set(run.step.id, seen);
    }
  }
  const place = (id: string) => {
    const index = order.indexOf(id);
    return index < 0 ? order.length : index;
  };
  const sorted = [...characters.values()].sort((a, b) => place(a.step.id) - place(b.step.id));
  return new Map(
    sorted.map(({ step, count }) => {
      const index = place(step.id);
      const className = `blame-colour-${index % BLAME_COLOURS}${index >= BLAME_COLOURS ? ' blame-cycle' : ''}`;
      return [step.id, { step, number: index + 1, className, share: total > 0 ? count / total : 0 }];
    }),
  );
}
