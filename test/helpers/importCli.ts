/**
 * Runs a command-line script (`npm run import`, `npm run export`: tsx server/cli/<script>.ts) as a child process
 * and collects what it printed.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSX_CLI = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** How a command-line run ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `server/cli/<script>` with `args` and exactly the store variables given in `env` (DATABASE_URL and
 * DATA_DIR are never inherited from the test process).
 */
export function runCli(script: string, args: string[], env: { DATA_DIR: string; DATABASE_URL?: string | undefined }): Promise<CliRun> {
  const { DATABASE_URL: _url, DATA_DIR: _dir, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX_CLI, `server/cli/${script}`, ...args], {
      cwd: REPO_ROOT,
      env: { ...inherited, NODE_ENV: 'test', DATA_DIR: env.DATA_DIR, ...(env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `npm run import -- <args>`. */
export const runImportCli = (args: string[], env: { DATA_DIR: string; DATABASE_URL?: string | undefined }) => runCli('import.ts', args, env);
