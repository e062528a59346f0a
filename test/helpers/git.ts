/** Whether this machine has `git` (the git export runs it), and how a skipped test says so. */
import { execFileSync } from 'node:child_process';

function findGit(): boolean {
  try {
    execFileSync('git', ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** Why tests that run git are skipped here, or null when git is on the PATH. */
export const gitSkipReason: string | null = findGit() ? null : 'skipped: no git on the PATH';

/** A test title that says, when it is skipped, why. */
export const gitTitle = (title: string) => (gitSkipReason === null ? title : `${title} (${gitSkipReason})`);
