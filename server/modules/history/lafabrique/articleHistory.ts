// Per-article history across steps, as La Fabrique de la loi builds `viz/articles_etapes.json`
// (behaviour of tlfp/tools/prepare_articles.py, re-implemented). Its quirks are kept on purpose
// so the figures stay comparable with lafabriquedelaloi.fr; each one is flagged "Quirk".
import { compareArticleNumbers } from './articleOrder.ts';
import { cleanTextForDiff, codePointLength, computeSimilarity } from './normalize.ts';
import { PY_SPACE } from './patterns.ts';
import type { Procedure, ProcedureArticle, ProcedureStep } from './types.ts';

/** One article's state at one step (La Fabrique field names). */
export interface ArticleStepEntry {
  id_step: string;
  directory: string;
  /** 'depot' | 'new' | 'none' | 'sup', or the upper-cased failure label for the 'echec' pseudo-article. */
  status: string;
  diff?: 'add' | 'rem' | 'both' | 'none';
  n_diff: number;
  length: number;
  newnum?: string;
}

/** One article's whole history (La Fabrique field names). */
export interface ArticleHistory {
  id: string;
  titre: string;
  order: number;
  section: string;
  steps: ArticleStepEntry[];
}

const LEADING_SPACES = new RegExp(`^[${PY_SPACE}]+`, 'u');

interface WorkEntry extends ArticleStepEntry {
  text: string[];
  originalIndex: number;
}

interface WorkArticle {
  id: string;
  titre: string;
  section: string;
  steps: WorkEntry[];
}

/** La Fabrique's `unifyStatus`: collapse raw status labels to 'sup' | 'new' | 'none'. */
export function unifyStatus(status: string): 'sup' | 'new' | 'none' {
  const s = status.replace(LEADING_SPACES, '').replace(/[s. ]+$/u, '');
  if (s.endsWith('constitution') || s.startsWith('sup')) return 'sup';
  if (s.startsWith('nouveau')) return 'new';
  return 'none';
}

/**
 * Steps in La Fabrique's processing order, and how many leading ones are dépôts.
 * Quirk: only the first dépôt that is the Assemblée's or the Sénat's own (`/<senatId>.html`) is kept, plus a
 * Sénat first-reading PPL dépôt directly followed by another dépôt; later dépôts (transmissions repeating the
 * previous text) are dropped, and the kept dépôts are moved to the front.
 */
export function orderStepsForHistory(procedure: Procedure): { steps: ProcedureStep[]; depots: number } {
  const own = `/${procedure.senatId ?? ''}.html`;
  let first: ProcedureStep | null = null;
  const depots: ProcedureStep[] = [];
  const later: ProcedureStep[] = [];
  procedure.steps.forEach((step, i) => {
    if (step.kind !== 'depot') return void later.push(step);
    const url = step.sourceUrl ?? '';
    if (!first && (step.institution === 'assemblee' || url.endsWith(own))) first = step;
    else if (step.institution === 'senat' && url.includes('/ppl') && step.stage === '1ère lecture') {
      if (procedure.steps[i + 1]?.kind === 'depot') depots.push(step);
    }
  });
  if (first) depots.push(first);
  return { steps: [...depots, ...later], depots: depots.length };
}

/**
 * Direction of La Fabrique's `difflib.ndiff(new, old)` line counts.
 * Every alinéa outside a matched pair is one '-' (only in new) or '+' (only in old) line, and matched pairs
 * consume one line on each side, so '+' − '-' = old.length − new.length whatever the matching: comparing
 * lengths is exact. With equal lengths, 'none' only when nothing differs.
 */
export function alineaDiffDirection(newAlineas: readonly string[], oldAlineas: readonly string[]): 'add' | 'rem' | 'both' | 'none' {
  if (oldAlineas.length > newAlineas.length) return 'add';
  if (oldAlineas.length < newAlineas.length) return 'rem';
  return newAlineas.every((a, i) => a === oldAlineas[i]) ? 'none' : 'both';
}

function newEntry(stepId: string, article: ProcedureArticle, known: boolean): WorkEntry {
  const entry: WorkEntry = {
    id_step: stepId,
    directory: stepId,
    status: article.status ? unifyStatus(article.status) : 'none',
    n_diff: 0,
    length: 0,
    text: article.alineas.filter((a) => a !== ''),
    originalIndex: 0,
  };
  // Quirk: the final number is only reported on steps where the article was already known.
  if (known && article.newNumber !== null) entry.newnum = article.newNumber;
  return entry;
}

// Quirk: an article of the previous step that was skipped over by the matching (its index lies between
// two matched articles) is recorded as deleted ('sup') in the current step; articles missing after the
// last match are not.
function markSkippedAsDeleted(articles: Map<string, WorkArticle>, oldStepId: string, stepId: string, from: number, to: number): void {
  for (const id of [...articles.keys()].sort()) {
    const article = articles.get(id)!;
    for (const prev of [...article.steps]) {
      if (prev.id_step !== oldStepId || prev.originalIndex <= from || prev.originalIndex >= to || prev.status === 'sup') continue;
      article.steps.push({ ...prev, id_step: stepId, directory: stepId, status: 'sup', length: 0, diff: 'rem', n_diff: 0 });
    }
  }
}

function addEchec(articles: Map<string, WorkArticle>, step: ProcedureStep, echec: string): void {
  let article = articles.get('echec');
  if (!article) articles.set('echec', (article = { id: 'echec', titre: echec, section: 'echec', steps: [] }));
  const dir = step.directory;
  article.steps.push({ id_step: dir, directory: dir, status: echec.toUpperCase(), length: 0, n_diff: 0, text: [], originalIndex: -1 });
}

/**
 * Per-article history of a bill, equal to La Fabrique's `articles_etapes.json` → `articles`.
 * With `only` (an article id, its number with `_` for spaces), just that article's history is returned and
 * only its similarities are computed: they take seconds on a long bill, the matching of steps does not.
 */
export function computeArticleHistories(procedure: Procedure, only?: string): Record<string, ArticleHistory> {
  const { steps, depots } = orderStepsForHistory(procedure);
  const articles = new Map<string, WorkArticle>();
  let oldStepId: string | null = null;
  steps.forEach((step, nstep) => {
    if (step.stage === 'promulgation' || (!step.text && !step.echec)) return;
    // Quirk: a failed step does not become the "previous step" of the next one.
    if (step.echec) return addEchec(articles, step, step.echec);
    const stepId = step.directory;
    let lastMatch = -1;
    step.text!.articles.forEach((article, index) => {
      const id = article.number.replaceAll(' ', '_');
      const known = articles.get(id);
      const s = newEntry(stepId, article, known !== undefined);
      if (known) {
        const txt = cleanTextForDiff(s.text);
        let oldText: string[] = [];
        const prev = oldStepId === null ? undefined : known.steps.find((st) => st.id_step === oldStepId);
        if (prev && oldStepId !== null) {
          if (prev.originalIndex !== lastMatch + 1) markSkippedAsDeleted(articles, oldStepId, stepId, lastMatch, prev.originalIndex);
          lastMatch = prev.originalIndex;
          if (prev.status !== 'sup') oldText = prev.text;
        }
        if (txt && (oldText.length === 0 || nstep < depots)) {
          Object.assign(s, { status: nstep >= depots ? 'new' : 'none', diff: 'add', n_diff: 1 });
        } else if (s.status === 'sup') {
          Object.assign(s, { diff: 'rem', n_diff: 0 });
        } else {
          const oldTxt = cleanTextForDiff(oldText);
          s.status = 'none';
          s.diff = txt === oldTxt ? 'none' : alineaDiffDirection(s.text, oldText);
          s.n_diff = txt === oldTxt || (only !== undefined && id !== only) ? 0 : 1 - computeSimilarity(oldTxt, txt);
        }
      } else {
        // Quirk: the section falls back to 'A' + title (with spaces) when the text has no sections.
        articles.set(id, { id, titre: article.number, section: article.sectionKey || `A${article.number}`, steps: [] });
        Object.assign(s, { n_diff: 1, diff: 'add', status: nstep >= depots ? 'new' : 'depot' });
      }
      if (s.status === 'sup') Object.assign(s, { length: 0, n_diff: 0 });
      else s.length = codePointLength(s.text.join('\n'));
      s.originalIndex = index;
      articles.get(id)!.steps.push(s);
    });
    oldStepId = stepId;
  });
  const histories = finalize(articles);
  if (only === undefined) return histories;
  const history = histories[only];
  return history ? { [only]: history } : {};
}

function publicEntry({ id_step, directory, status, diff, n_diff, length, newnum }: WorkEntry): ArticleStepEntry {
  return { id_step, directory, status, ...(diff ? { diff } : {}), n_diff, length, ...(newnum !== undefined ? { newnum } : {}) };
}

function finalize(articles: Map<string, WorkArticle>): Record<string, ArticleHistory> {
  const titles = [...articles.values()].filter((a) => a.id !== 'echec').map((a) => a.titre);
  const order = new Map(titles.sort(compareArticleNumbers).map((t, n) => [t, n]));
  const out: Record<string, ArticleHistory> = {};
  for (const id of [...articles.keys()].sort()) {
    const a = articles.get(id)!;
    const steps: ArticleStepEntry[] = [];
    for (const entry of a.steps) {
      // Quirk: an article listed twice in one step keeps only its first entry.
      if (steps.at(-1)?.id_step === entry.id_step) continue;
      steps.push(publicEntry(entry));
    }
    out[id] = { id, titre: a.titre, section: a.section, order: a.id === 'echec' ? -1 : order.get(a.titre)!, steps };
  }
  return out;
}
