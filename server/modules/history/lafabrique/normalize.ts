// Text normalisation and similarity exactly as La Fabrique de la loi computes them
// (behaviour of tlfp/tools/common.py and compute_stats.py, re-implemented, not copied).
// La Fabrique runs Python 3 regexes on code points: `\s` there is any `str.isspace()` character
// and `\d` any Unicode decimal digit, so both are spelled out below instead of JS's `\s` / `\d`
// (JS `\s` lacks U+001C–U+001F and U+0085 but adds U+FEFF; JS `\d` is ASCII only).
// Version: the published figures (Oct. 2020 test cases) were produced by the parser version in which
// (1) `strip_text` also removes a trailing "(supprimé)"/"(censuré)" and (2) the alinéa-numbering
// pattern accepts accented capitals ("1° À la fin…" loses "1° À "). The older code lacks both; with
// it, pjl07-405's output length (59 481 ≠ 59 409), word count and ratio_texte_modif, and 26 article-step
// diffs of its last steps, do not match. Both are therefore applied here.
import DiffMatchPatch from 'diff-match-patch';
import { BISTER, PY_SPACE } from './patterns.ts';

const UPPER_ACCENTS = 'ÇÀÂÄÉÈÊËÎÏÔÖÙÛÜ';
const TAGS = /<\/?[!a-z][^>]*>/giu;
const SPACES = new RegExp(`[${PY_SPACE}]+`, 'gu');
const EDGE_SPACES = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'gu');
// "I. –", "1°", "a)", then optional suffixes "bis", "A", "À"… (see the version note above).
const ALINEA_NUMBERING = new RegExp(
  `^"?(([IVXCDLM]+|\\p{Nd}+|[a-z])[°)\\-.${PY_SPACE}]+)+[${PY_SPACE}]*((${BISTER}|[A-Z${UPPER_ACCENTS}]+)[°)\\-.${PY_SPACE}]+)*`,
  'u',
);
// Python's `$` also matches just before a final "\n", hence the optional newline look-ahead.
const DELETED_MARK = new RegExp(`[${PY_SPACE}]*\\((censur|supprim)és?\\)(?=\\n?$)`, 'iu');
const SURROGATE_PAIRS = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const NON_ALNUM = /[^a-z0-9]+/g;
const LOWER_ACCENTS = 'çàâäéèêëîïôöùûü';
const NO_ACCENTS = 'caaaeeeeiioouuu';
const WORD_TAGS = /<\/?[a-z][^>]*>/giu;
const WORD_SYMBOLS = /[";:,.?¿\-!¡/]+/gu;
const WORDS = new RegExp(`[^${PY_SPACE}]+`, 'gu');

/** Python `str.strip()` (whitespace as `str.isspace()` sees it), for bit-exact lengths. */
export function pyStrip(text: string): string {
  return text.replace(EDGE_SPACES, '');
}

/** Length in code points, as Python's `len()` counts (an emoji is 1, not 2). */
export function codePointLength(text: string): number {
  return text.length - (text.match(SURROGATE_PAIRS)?.length ?? 0);
}

/** La Fabrique's `strip_text`: drop tags and a trailing "(supprimé)"/"(censuré)", collapse whitespace runs to one space, trim. */
export function stripText(text: string): string {
  return pyStrip(text.replace(TAGS, '').replace(DELETED_MARK, '').replace(SPACES, ' '));
}

function foldAccents(text: string): string {
  // Upper-case accented letters are mapped by hand before toLowerCase, as La Fabrique does.
  let out = text;
  for (let i = 0; i < UPPER_ACCENTS.length; i++) out = out.replaceAll(UPPER_ACCENTS[i]!, LOWER_ACCENTS[i]!);
  out = out.toLowerCase();
  for (let i = 0; i < LOWER_ACCENTS.length; i++) out = out.replaceAll(LOWER_ACCENTS[i]!, NO_ACCENTS[i]!);
  return out;
}

/** Remove one alinéa's leading numbering ("I. –", "1°", "a)", "2 bis A.") and trailing "(supprimé)"/"(censuré)". */
export function cleanAlineaForDiff(alinea: string): string {
  return alinea.replace(ALINEA_NUMBERING, '').replace(DELETED_MARK, '');
}

/** La Fabrique's `clean_text_for_diff`: the comparable skeleton of an article ([a-z0-9] only). */
export function cleanTextForDiff(alineas: readonly string[] | string): string {
  const text =
    typeof alineas === 'string'
      ? cleanAlineaForDiff(alineas)
      : alineas.map(cleanAlineaForDiff).filter((a) => a !== '').join('\n');
  return foldAccents(text.replace(TAGS, '')).replace(NON_ALNUM, '');
}

/** La Fabrique's `count_words` (Countable.js rules: apostrophes split words, listed punctuation vanishes). */
export function countWords(content: string): number {
  const c = pyStrip(content).replace(WORD_TAGS, '').replace(WORD_SYMBOLS, '').replaceAll("'", ' ');
  return c.match(WORDS)?.length ?? 0;
}

let dmp: DiffMatchPatch | null = null;

/** Characters inside EQUAL chunks of a diff-match-patch diff without time limit (La Fabrique sets Diff_Timeout = 0). */
export function equalLength(a: string, b: string): number {
  if (!dmp) {
    dmp = new DiffMatchPatch();
    // A timeout would make the figures depend on machine speed; La Fabrique disables it.
    dmp.Diff_Timeout = 0;
  }
  let common = 0;
  for (const [op, chunk] of dmp.diff_main(a, b)) if (op === 0) common += codePointLength(chunk);
  return common;
}

/** La Fabrique's `compute_similarity`: equal characters / length of the longer text (NaN if both empty, as Python would fail). */
export function computeSimilarity(a: string, b: string): number {
  return equalLength(a, b) / Math.max(codePointLength(a), codePointLength(b));
}

/** La Fabrique's `compute_similarity_by_articles`: articles matched by title, unmatched ones count fully against. */
export function computeSimilarityByArticles(
  first: ReadonlyMap<string, string>,
  last: ReadonlyMap<string, string>,
): number {
  let common = 0;
  let total = 0;
  for (const title of new Set([...first.keys(), ...last.keys()])) {
    const a = first.get(title);
    const b = last.get(title);
    if (a !== undefined && b !== undefined) {
      common += equalLength(a, b);
      total += Math.max(codePointLength(a), codePointLength(b));
    } else {
      total += codePointLength(a ?? b ?? '');
    }
  }
  return common / total;
}
