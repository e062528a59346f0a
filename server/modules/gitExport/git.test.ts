import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../common/errors.ts';
import { gitSkipReason, gitTitle } from '../../../test/helpers/git.ts';
import { runGit } from './git.ts';

/** A long input: far more than a pipe holds, so writing it waits on git. */
async function* lots(): AsyncGenerator<string> {
  for (let i = 0; i < 2_000; i += 1) yield await Promise.resolve(`${'x'.repeat(4_096)}\n`);
}

/** An input that never ends. */
async function* forever(): AsyncGenerator<string> {
  for (;;) {
    await sleep(10);
    yield 'blob\n';
  }
}

describe.skipIf(gitSkipReason !== null)(gitTitle('running git'), () => {
  it('EXPORT9 a git that fails while being fed is reported, not waited on forever', async () => {
    const failure = runGit(['--git-dir', '/nonexistent/repository.git', 'fast-import', '--quiet'], { input: lots(), deadline: Date.now() + 20_000 });
    await expect(failure).rejects.toThrow(/^git fast-import failed \(\d+\): .+/);
  });

  it('EXPORT9 a git past its deadline is killed and the command fails', async () => {
    const started = Date.now();
    await expect(runGit(['hash-object', '--stdin'], { input: forever(), deadline: Date.now() + 300 })).rejects.toThrow(/took longer/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('EXPORT9 without git on the PATH the error is git_unavailable', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const error = await runGit(['--version'], { deadline: Date.now() + 5_000 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('git_unavailable');
    } finally {
      process.env.PATH = path;
    }
  });
});
