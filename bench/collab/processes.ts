/** Child processes, ports and logging for `npm run bench:collab`. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

// ------------------------------------------------------------------ helpers --

export const log = (message: string) => process.stderr.write(`# bench:collab ${message}\n`);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function run(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; quiet?: boolean }): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    // stderr is never piped (an unread pipe would block the child once full): shown, or dropped when quiet.
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', opts.quiet ? 'ignore' : 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout }));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}
