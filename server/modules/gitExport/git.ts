/**
 * Running the machine's `git`: a child process per command (the event loop only moves bytes), its input streamed
 * with back-pressure, a deadline after which it is killed, and a configuration of its own (no system or user
 * settings, hooks or prompts can change what an export produces). A missing `git` is `git_unavailable`.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { ErrorCode } from '../../../shared/errors.ts';
import { DomainError } from '../../common/errors.ts';

/** How much of git's error output is kept for the message of a failure. */
const STDERR_LIMIT = 4_096;

/** Thrown when git is missing: the export cannot be made on this machine. */
export const gitUnavailable = () => new DomainError(ErrorCode.gitUnavailable, 'The git export needs the `git` program, which this server does not have.');

/** What a git command runs with. */
export interface GitOptions {
  /** Working directory. */
  cwd?: string;
  /** Streamed to git's standard input, then closed. */
  input?: AsyncIterable<string>;
  /** Epoch milliseconds after which git is killed and the command fails. */
  deadline: number;
}

/** The environment git runs in: no global or system configuration, no prompts, a fixed locale. */
function gitEnvironment(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/',
    LANG: 'C',
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
  };
}

/** Writes `input` to git, waiting for it to drain; stops early if git closes its input (it failed: its exit says why). */
async function feed(stdin: Writable, input: AsyncIterable<string>): Promise<void> {
  const closed = once(stdin, 'close').then(
    () => true,
    () => true,
  );
  for await (const chunk of input) {
    if (stdin.destroyed) return;
    if (!stdin.write(chunk) && (await Promise.race([once(stdin, 'drain').then(() => false, () => true), closed]))) return;
  }
  stdin.end();
}

/** Runs `git <args>`; resolves with its standard output, rejects on a non-zero exit, a timeout or no git at all. */
export async function runGit(args: readonly string[], options: GitOptions): Promise<string> {
  // The subcommand, for messages: the first word that is neither an option nor an option's value.
  const command = `git ${args.find((arg, index) => !arg.startsWith('-') && !['--git-dir', '-C'].includes(args[index - 1] ?? '')) ?? ''}`;
  const remaining = options.deadline - Date.now();
  if (remaining <= 0) throw new Error(`${command} not started: the export's time is up`);
  const child = spawn('git', args, { cwd: options.cwd, env: gitEnvironment(), stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < STDERR_LIMIT) stderr += chunk.slice(0, STDERR_LIMIT - stderr.length);
  });
  // A git that dies early closes its input: the write fails, and the exit status says why.
  child.stdin.on('error', () => undefined);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, remaining);
  try {
    const exited = new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => resolve(code));
    });
    const fed = options.input ? feed(child.stdin, options.input) : Promise.resolve(child.stdin.end());
    const [code] = await Promise.all([exited, fed.catch((error: unknown) => {
      // Stop git too if the input itself failed (a database read, say), then report that failure.
      child.kill('SIGKILL');
      throw error;
    })]);
    if (timedOut) throw new Error(`${command} took longer than the export may`);
    if (code !== 0) throw new Error(`${command} failed (${String(code)}): ${stderr.trim()}`);
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && (error as NodeJS.ErrnoException).syscall?.startsWith('spawn')) throw gitUnavailable();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
