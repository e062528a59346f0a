/**
 * Who wrote each word of a version (BLAME1): each article's text as runs coloured by the step their words first
 * appeared at, each run opened by that step's number and, for screen readers, its origin in words. Hovering or
 * focusing a run shows its full origin (amendment, authors, rapporteur) in a panel. Each article is one tab stop;
 * arrows move from run to run inside it.
 */
import { useState } from 'preact/hooks';
import type { Bill } from '../../../shared/api/bills.ts';
import type { ArticleBlame, BlameStep } from '../../../shared/api/blame.ts';
import { listVersions } from '../api/bills.ts';
import { getVersionBlame } from '../api/evolution.ts';
import { stageLabel } from '../bill/stepLabels.ts';
import { formatDate, useLanguage, useT } from '../i18n/i18n.ts';
import { useReloadOn } from '../live/BillEvents.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { useAsync } from '../ui/useAsync.ts';
import { VisuallyHidden } from '../ui/VisuallyHidden.tsx';
import { BlameOrigin, type ShownRun } from './BlameOrigin.tsx';
import { type NumberedStep, numberedSteps } from './blameSteps.ts';
import { formatShare } from './gridCells.ts';
import { useQueryParams } from './queryParams.ts';
import { VersionSelect } from './VersionSelect.tsx';

/** A step's label in the interface language (the server's French label when the step is not the bill's). */
function useStepLabel(bill: Bill): (step: BlameStep) => string {
  const t = useT();
  const lang = useLanguage();
  return (step) => {
    const known = bill.steps.find((candidate) => candidate.id === step.id);
    if (!known) return step.label;
    return `${stageLabel(t, known)}${known.date ? `, ${formatDate(lang, known.date)}` : ''}`;
  };
}

/** Whether a run holds a letter or a digit. */
const hasWords = (text: string) => /[\p{L}\p{N}]/u.test(text);

/** Arrow keys move between the runs of one article (the article's text is a single tab stop). */
function moveBetweenRuns(event: KeyboardEvent): void {
  const current = event.target as HTMLElement;
  if (!current.classList.contains('blame-run')) return;
  const runs = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('.blame-run')];
  const index = runs.indexOf(current);
  const next = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: runs.length - 1 }[event.key];
  if (next === undefined || next < 0 || next >= runs.length) return;
  event.preventDefault();
  runs[next]?.focus();
}

function BlamedArticle({ article, steps, labelOf, onShow }: {
  article: ArticleBlame;
  steps: Map<string, NumberedStep>;
  labelOf: (step: BlameStep) => string;
  onShow: (shown: ShownRun) => void;
}) {
  const t = useT();
  const firstWords = article.runs.findIndex((run) => hasWords(run.text));
  return (
    <article class="blamed-article" aria-labelledby={`blame-${article.articleId}`}>
      <h4 id={`blame-${article.articleId}`}>{t('reader.article', { number: article.number })}</h4>
      <p class="blame-text" onKeyDown={moveBetweenRuns}>
        {article.runs.map((run, index) => {
          const numbered = steps.get(run.step.id);
          // Blanks and punctuation between two origins say nothing worth a mark or a stop of their own.
          if (!hasWords(run.text)) return <span key={index} class={`blame-gap ${numbered?.className ?? ''}`}>{run.text}</span>;
          const stepNumber = numbered?.number ?? 0;
          const label = labelOf(run.step);
          const shown = { articleNumber: article.number, run, stepNumber, stepLabel: label };
          const origin = run.amendment?.number ? t('evolution.blame.runOriginAmendment', { label, number: run.amendment.number }) : t('evolution.blame.runOrigin', { label });
          return (
            <span
              key={index}
              class={`blame-run ${numbered?.className ?? ''}`}
              data-step={stepNumber}
              tabIndex={index === firstWords ? 0 : -1}
              onFocus={() => onShow(shown)}
              onMouseEnter={() => onShow(shown)}
            >
              <span class="blame-mark" aria-hidden="true">
                {stepNumber}
              </span>
              <VisuallyHidden>{origin}</VisuallyHidden>
              {run.text}
            </span>
          );
        })}
      </p>
    </article>
  );
}

function BlameLegend({ steps, labelOf }: { steps: Map<string, NumberedStep>; labelOf: (step: BlameStep) => string }) {
  const t = useT();
  const lang = useLanguage();
  return (
    <div class="blame-legend">
      <h4 id="blame-legend-title">{t('evolution.blame.legend')}</h4>
      <ol aria-labelledby="blame-legend-title">
        {[...steps.values()].map((numbered) => (
          <li key={numbered.step.id}>
            <span class={`blame-swatch ${numbered.className}`} aria-hidden="true">
              {numbered.number}
            </span>
            {t('evolution.blame.legendStep', { number: numbered.number, label: labelOf(numbered.step), share: formatShare(lang, numbered.share) })}
          </li>
        ))}
      </ol>
    </div>
  );
}

export function BlameView({ bill }: { bill: Bill }) {
  const t = useT();
  const [search, setQuery] = useQueryParams();
  const versions = useAsync(() => listVersions(bill.id), [bill.id]);
  useReloadOn(['version.'], versions.reload);
  const list = versions.data ?? [];
  const asked = search.get('version');
  const versionId = list.some((version) => version.id === asked) ? (asked as string) : list.at(-1)?.id;
  const blame = useAsync(() => (versionId ? getVersionBlame(bill.id, versionId) : Promise.resolve(undefined)), [bill.id, versionId]);
  const [shown, setShown] = useState<ShownRun | null>(null);
  const labelOf = useStepLabel(bill);
  const data = blame.data?.versionId === versionId ? blame.data : undefined;
  const steps = data ? numberedSteps(bill, data) : new Map<string, NumberedStep>();

  return (
    <section class="evolution-blame" aria-labelledby="evolution-section-title">
      <h3 id="evolution-section-title">{t('evolution.blame.title')}</h3>
      <p class="hint">{t('evolution.blame.hint')}</p>
      <ErrorMessage error={versions.error ?? blame.error} />
      {list.length > 0 && (
        <VersionSelect label={t('evolution.blame.version')} versions={list} value={versionId} onChange={(id) => setQuery({ version: id })} />
      )}
      {versionId && !data && !blame.error && <p role="status">{t('common.loading')}</p>}
      {data && (
        <div class="blame-layout">
          <div class="blame-body">
            <BlameLegend steps={steps} labelOf={labelOf} />
            {data.articles.map((article) => (
              <BlamedArticle key={article.articleId} article={article} steps={steps} labelOf={labelOf} onShow={setShown} />
            ))}
          </div>
          <BlameOrigin billId={bill.id} shown={shown} />
        </div>
      )}
    </section>
  );
}
