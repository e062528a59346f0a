/**
 * How a version of a bill reads as files of a git repository: `README.md` (the bill's title, the step, the table of
 * articles) and one Markdown file per article (`articles/article-02-bis.md`, its alinéas as paragraphs), so that
 * `git log -p` shows the text changing alinéa by alinéa, a renumbered article as a moved file and a deleted one as a
 * deleted file. Pure: the same version always gives the same bytes, so an export is reproducible.
 */
import type { Bill, Version, VersionSummary } from '../../../shared/api/bills.ts';

/** A file of one commit's tree. */
export interface RepositoryFile {
  path: string;
  content: string;
}

const ARTICLES_DIRECTORY = 'articles';

/** A status saying the article no longer stands in this text (supprimé, censuré, non conforme à la Constitution). */
export function isDeletedStatus(status: string | null): boolean {
  if (status === null) return false;
  const s = status.trim().toLowerCase();
  return s.startsWith('supprim') || s.startsWith('censur') || s.endsWith('constitution');
}

const asciiSlug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** How many digits article numbers take in file names: enough for the bill's largest number, at least two. */
export function numberWidth(numbers: Iterable<string>): number {
  let width = 2;
  for (const number of numbers) {
    const digits = /^\d+/.exec(number.trim())?.[0];
    if (digits) width = Math.max(width, String(Number(digits)).length);
  }
  return width;
}

/**
 * The file of an article: its number with the figures padded so files sort as the text does (« 2 bis » →
 * `articles/article-02-bis.md`, « 1er A » → `article-01-a.md`, « liminaire » → `article-liminaire.md`).
 */
export function articlePath(number: string, width: number): string {
  const match = /^(\d+)(?:(?:er|re)(?![a-z]))?\s*(.*)$/i.exec(number.trim());
  const name = match ? [String(Number(match[1])).padStart(width, '0'), asciiSlug(match[2] ?? '')].filter(Boolean).join('-') : asciiSlug(number) || 'sans-numero';
  return `${ARTICLES_DIRECTORY}/article-${name}.md`;
}

/** An article's file: its heading, then each alinéa as a paragraph (one line each, so diffs go alinéa by alinéa). */
export function articleContent(article: Pick<Version['articles'][number], 'number' | 'alineas'>): string {
  return `# Article ${article.number}\n\n${article.alineas.map((alinea) => `${alinea.trim()}\n`).join('\n')}`;
}

/** « 1ère lecture – assemblee – commission »: the step, as La Fabrique names its parts. */
export const stepLine = (version: Pick<VersionSummary, 'stage' | 'institution' | 'kind'>) =>
  [version.stage, version.institution, version.kind].filter((part) => part !== null && part !== '').join(' – ');

/** The commit message of a version: the step, then the text's title and the ids that lead back to the API. */
export function commitMessage(version: Pick<VersionSummary, 'id' | 'stepKey' | 'stage' | 'institution' | 'kind' | 'title' | 'date'>): string {
  const body = [version.title, '', `Version: ${version.id}`, `Step: ${version.stepKey}`, ...(version.date ? [`Date: ${version.date}`] : [])];
  return `${stepLine(version)}\n\n${body.join('\n')}\n`;
}

/** The README of a version: the bill, the step, the articles in text order (with their sections) linking their files. */
export function readmeContent(bill: Pick<Bill, 'title' | 'shortTitle'>, version: Version, paths: ReadonlyMap<string, string>): string {
  const sections = new Map(version.sections.map((section) => [section.key, section]));
  const lines = [`# ${bill.title}`, '', `${stepLine(version)}${version.date ? ` (${version.date})` : ''}`, '', ...(version.title ? [version.title, ''] : []), '## Articles', ''];
  let currentSection: string | null = null;
  for (const article of version.articles) {
    const path = paths.get(article.articleId);
    if (path === undefined) continue;
    if (article.sectionKey !== currentSection) {
      currentSection = article.sectionKey;
      const section = currentSection === null ? undefined : sections.get(currentSection);
      if (section) lines.push('', `### ${section.title || section.key}`, '');
    }
    lines.push(`- [Article ${article.number}](${path})`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A version's files: one per article still standing (a deleted article has none), then the README. Two numbers that
 * would share a file name keep them apart with a suffix.
 */
export function versionFiles(bill: Pick<Bill, 'title' | 'shortTitle'>, version: Version, width: number): RepositoryFile[] {
  const files: RepositoryFile[] = [];
  const paths = new Map<string, string>();
  const taken = new Set<string>();
  for (const article of version.articles) {
    if (isDeletedStatus(article.status)) continue;
    const wanted = articlePath(article.number, width);
    let path = wanted;
    for (let n = 2; taken.has(path); n += 1) path = wanted.replace(/\.md$/, `-${n}.md`);
    taken.add(path);
    paths.set(article.articleId, path);
    files.push({ path, content: articleContent(article) });
  }
  files.push({ path: 'README.md', content: readmeContent(bill, version, paths) });
  return files;
}

/**
 * When a version's commit is dated: its step's date (the end date failing that) at noon UTC, so the day reads the same
 * in any time zone; an undated step takes the previous commit's time.
 */
export function commitTime(version: { date: string | null; endDate?: string | null }, previous: number | null): number {
  const day = version.date ?? version.endDate ?? null;
  if (day === null) return previous ?? 0;
  const [year, month, date] = day.split('-').map(Number);
  return Math.floor(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1, 12) / 1000);
}
