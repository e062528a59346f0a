/**
 * La Fabrique de la loi's article view: one row per article (its order), one column per step, each cell shaded by
 * the share of the article changed at that step, with distinct marks for new, deleted, unchanged and failed. A real
 * table in the grid role: header cells for steps and articles, one tab stop, arrows inside, and each cell a link to
 * the article as that step's version reads it, named in words ("Article 3, … : modifié à 42 %").
 */
import { useRef, useState } from 'preact/hooks';
import type { z } from 'zod';
import type { Bill } from '../../../shared/api/bills.ts';
import type { ArticleGrid as Grid, GridArticleSchema, GridStepSchema } from '../../../shared/api/history.ts';
import { getArticleGrid } from '../api/evolution.ts';
import { Link, pathOf } from '../app/router.tsx';
import { stageLabel } from '../bill/stepLabels.ts';
import { formatDate, useLanguage, useT } from '../i18n/i18n.ts';
import { useReloadOn } from '../live/BillEvents.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { useAsync } from '../ui/useAsync.ts';
import { VisuallyHidden } from '../ui/VisuallyHidden.tsx';
import { GridLegend } from './GridLegend.tsx';
import { type CellPosition, cellKey, moveInGrid } from './gridKeyboard.ts';
import { cellClass, lookOf, markOf, stateOf } from './gridCells.ts';
import { readingsOf, shortDate, shortStepLabel } from './stepHeaders.ts';

type GridStep = z.infer<typeof GridStepSchema>;
type GridArticle = z.infer<typeof GridArticleSchema>;

function StepHeaders({ steps }: { steps: GridStep[] }) {
  const t = useT();
  const lang = useLanguage();
  return (
    <thead>
      <tr>
        <td class="grid-corner" rowSpan={2} />
        {readingsOf(steps).map((reading, index) => (
          <th key={index} scope="colgroup" colSpan={reading.span} class="grid-reading">
            {reading.stage}
          </th>
        ))}
      </tr>
      <tr>
        {steps.map((step) => (
          <th key={step.stepKey} scope="col" class={`grid-step${step.echec ? ' failed' : ''}`}>
            <span aria-hidden="true">
              {shortStepLabel(t, step)}
              {step.date && <span class="grid-date">{shortDate(lang, step.date)}</span>}
            </span>
            <VisuallyHidden>
              {stageLabel(t, step)}
              {step.date && `, ${formatDate(lang, step.date)}`}
              {step.echec && ` (${step.echec})`}
            </VisuallyHidden>
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** One article's row; `active` is the column holding the grid's tab stop when it is on this row. */
function ArticleRow({ billId, article, steps, row, active, onFocusCell }: {
  billId: string;
  article: GridArticle;
  steps: GridStep[];
  row: number;
  active: number | null;
  onFocusCell: (at: CellPosition) => void;
}) {
  const t = useT();
  const lang = useLanguage();
  const cells = new Map(article.cells.map((cell) => [cell.stepKey, cell]));
  return (
    <tr>
      <th scope="row" class="grid-article">
        <span aria-hidden="true">{t('evolution.grid.articleShort', { number: article.number })}</span>
        <VisuallyHidden>{t('reader.article', { number: article.number })}</VisuallyHidden>
      </th>
      {steps.map((step, column) => {
        const look = lookOf(cells.get(step.stepKey), step);
        const label = t('evolution.grid.cellLabel', { number: article.number, step: stageLabel(t, step), state: stateOf(t, lang, look) });
        const focus = {
          'data-cell': cellKey(row, column),
          tabIndex: active === column ? 0 : -1,
          onFocus: () => onFocusCell([row, column]),
        };
        const linked = step.versionId !== null && look.kind !== 'absent' && look.kind !== 'failed';
        return (
          <td key={step.stepKey} class={cellClass(look)}>
            {linked ? (
              <Link href={pathOf('bills', billId, 'versions', step.versionId as string, 'articles', article.number)} aria-label={label} title={label} {...focus}>
                {markOf(t, lang, look)}
              </Link>
            ) : (
              <span class="grid-static" title={label} {...focus}>
                <span aria-hidden="true">{markOf(t, lang, look)}</span>
                <VisuallyHidden>{label}</VisuallyHidden>
              </span>
            )}
          </td>
        );
      })}
    </tr>
  );
}

function GridTable({ billId, grid }: { billId: string; grid: Grid }) {
  const t = useT();
  const [active, setActive] = useState<CellPosition>([0, 0]);
  const table = useRef<HTMLTableElement>(null);
  const { steps, articles } = grid;
  // The grid may shrink after a live reload; keep the tab stop on a cell that exists.
  const at: CellPosition = [Math.min(active[0], articles.length - 1), Math.min(active[1], steps.length - 1)];

  const onKeyDown = (event: KeyboardEvent) => {
    const next = moveInGrid(event, at, articles.length, steps.length);
    if (!next) return;
    event.preventDefault();
    setActive(next);
    table.current?.querySelector<HTMLElement>(`[data-cell="${cellKey(next[0], next[1])}"]`)?.focus();
  };

  // The scrolling box is focusable itself so that a keyboard can scroll it sideways (a phone's grid is wider than it).
  return (
    <div class="grid-scroll" role="region" aria-labelledby="evolution-grid-caption" tabIndex={0}>
      <table class="article-grid" role="grid" aria-labelledby="evolution-grid-caption" aria-describedby="evolution-grid-hint" ref={table} onKeyDown={onKeyDown}>
        <caption id="evolution-grid-caption">{t('evolution.grid.caption', { articles: articles.length, steps: steps.length })}</caption>
        <StepHeaders steps={steps} />
        <tbody>
          {articles.map((article, row) => (
            <ArticleRow
              key={article.articleId}
              billId={billId}
              article={article}
              steps={steps}
              row={row}
              active={at[0] === row ? at[1] : null}
              onFocusCell={setActive}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The grid of a bill, with its legend. */
export function ArticleGrid({ bill }: { bill: Bill }) {
  const t = useT();
  const grid = useAsync(() => getArticleGrid(bill.id), [bill.id]);
  // A new version adds a column (live bills), a reimport may change everything.
  useReloadOn(['version.', 'bill.'], grid.reload);
  return (
    <section class="evolution-grid" aria-labelledby="evolution-section-title">
      <h3 id="evolution-section-title">{t('evolution.grid.title')}</h3>
      <p class="hint" id="evolution-grid-hint">
        {t('evolution.grid.hint')}
      </p>
      <ErrorMessage error={grid.error} />
      {!grid.data && !grid.error && <p role="status">{t('common.loading')}</p>}
      {grid.data && grid.data.articles.length === 0 && <p class="muted">{t('evolution.grid.empty')}</p>}
      {grid.data && grid.data.articles.length > 0 && (
        <>
          <GridLegend />
          <GridTable billId={bill.id} grid={grid.data} />
        </>
      )}
    </section>
  );
}
