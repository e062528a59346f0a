/**
 * The `git fast-import` stream of a bill's history: one commit per version on `refs/heads/main`, each replacing the
 * whole tree (`deleteall`, then every file inline), so git itself works out what changed, moved or went; and a tag
 * per version named after its step. Built one version at a time, so a long procedure is never held in memory whole.
 */
import type { RepositoryFile } from './layout.ts';

/** The branch every export writes. */
export const BRANCH = 'main';

/** Who a commit is by: name and e-mail (the e-mail may be empty). */
export interface Identity {
  name: string;
  email: string;
}

/** One commit of the stream. */
export interface CommitInput {
  /** 1-based, in procedure order: the commit's mark. */
  mark: number;
  /** Seconds since the epoch, UTC: both the author and the committer date. */
  time: number;
  author: Identity;
  committer: Identity;
  message: string;
  files: readonly RepositoryFile[];
  /** A lightweight tag on this commit, or null. */
  tag: string | null;
}

/** fast-import's `data` command: the exact byte count, then the bytes. */
function data(text: string): string {
  return `data ${Buffer.byteLength(text, 'utf8')}\n${text}\n`;
}

// Names and e-mails go between fixed delimiters: keep out what would end them.
const cleanName = (name: string) => name.replace(/[<>\n]/g, '').trim() || 'loi.live';
const cleanEmail = (email: string) => email.replace(/[<>\s]/g, '');

const identity = (role: 'author' | 'committer', who: Identity, time: number) => `${role} ${cleanName(who.name)} <${cleanEmail(who.email)}> ${time} +0000\n`;

/** A name git accepts for a tag: letters, digits, dots, hyphens and underscores, not starting with a dot or hyphen. */
export function tagName(value: string): string {
  const cleaned = value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '')
    .replace(/\.lock$/i, '');
  return cleaned === '' ? 'version' : cleaned;
}

/** The stream's opening: ask fast-import to require the closing `done`, so a cut stream never makes a repository. */
export const streamStart = () => 'feature done\n';

/** The stream's end. */
export const streamEnd = () => 'done\n';

/** One commit, its files and its tag, as fast-import commands. */
export function commitCommands(commit: CommitInput): string {
  const parts = [
    `commit refs/heads/${BRANCH}\n`,
    `mark :${commit.mark}\n`,
    identity('author', commit.author, commit.time),
    identity('committer', commit.committer, commit.time),
    data(commit.message),
    ...(commit.mark > 1 ? [`from :${commit.mark - 1}\n`] : []),
    'deleteall\n',
  ];
  for (const file of commit.files) parts.push(`M 100644 inline ${file.path}\n`, data(file.content));
  parts.push('\n');
  if (commit.tag !== null) parts.push(`reset refs/tags/${tagName(commit.tag)}\nfrom :${commit.mark}\n\n`);
  return parts.join('');
}
