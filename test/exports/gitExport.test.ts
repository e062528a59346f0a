/**
 * EXPORT8, EXPORT9 over real HTTP: the git bundle of a bill clones into one commit per version, dated at its step,
 * whose diffs tell the story (a word changed, an article added, one deleted, one renumbered), on a bill built through
 * the API and on pjl15-034 imported from La Fabrique; the command line's repository directory is the same history.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Version } from '../../shared/api/bills.ts';
import { writeGitRepository } from '../../server/modules/gitExport/index.ts';
import { ADMIN_ENV, adminClient, expectProblem } from '../helpers/apiFixtures.ts';
import { waitFor } from '../helpers/collabClients.ts';
import { importOk, startImportServer, versionOf } from '../helpers/importServer.ts';
import { missingBillReason, readBillBundle } from '../helpers/lafabriqueFiles.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { ARTICLES, buildExportWorld, type ExportWorld, NEW_ARTICLE, STEPS } from './exportWorld.ts';

const BILL = 'pjl15-034';
const reason = missingBillReason(BILL);
if (reason) console.warn(reason);

const run = promisify(execFile);

/** Runs git in `cwd` (never in the repository under test's working tree of the project). */
async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' }, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** A directory removed when the suite ends. */
const scratch: string[] = [];
async function scratchDirectory(): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), 'loilive-gittest-'));
  scratch.push(directory);
  return directory;
}

/** Downloads the bill's bundle and clones it; gives the clone's directory. */
async function cloneExport(url: string, billId: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/bills/${billId}/export/git`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/x-git-bundle');
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.bundle"$/);
  const directory = await scratchDirectory();
  const bundle = path.join(directory, 'export.bundle');
  await writeFile(bundle, Buffer.from(await response.arrayBuffer()));
  await git(directory, 'clone', '--quiet', bundle, 'clone');
  return path.join(directory, 'clone');
}

/** Commits, oldest first: hash, author date, committer date (days), subject, body. */
async function commitsOf(repository: string): Promise<{ hash: string; authored: string; committed: string; subject: string; body: string }[]> {
  const log = await git(repository, 'log', '--reverse', '--date=short', '--format=%H%x1f%ad%x1f%cd%x1f%s%x1f%b%x1e');
  return log
    .split('\x1e')
    .map((record) => record.trim())
    .filter(Boolean)
    .map((record) => {
      const [hash = '', authored = '', committed = '', subject = '', body = ''] = record.split('\x1f');
      return { hash, authored, committed, subject, body };
    });
}

/** `git show --name-status` of a commit, renames detected: one `STATUS\tpath[\tpath]` line per file. */
async function changesOf(repository: string, commit: string): Promise<string[]> {
  return (await git(repository, 'show', '-M', '--name-status', '--format=', commit)).trim().split('\n').sort();
}

/** The files a commit holds. */
async function filesOf(repository: string, commit: string): Promise<string[]> {
  return (await git(repository, 'ls-tree', '-r', '--name-only', commit)).trim().split('\n').sort();
}

/** The file names a version's articles should have (deleted ones have none), with the README. */
function expectedFiles(version: Version, pathOf: (number: string) => string): string[] {
  const standing = version.articles.filter((a) => !/^(supprim|censur)|constitution$/i.test((a.status ?? '').trim()));
  return ['README.md', ...standing.map((a) => pathOf(a.number))].sort();
}

const apiPath = (number: string) => `articles/article-${number.replace(/^(\d+)(er)?/, (_, n: string) => n.padStart(2, '0')).toLowerCase().replace(/\s+/g, '-')}.md`;

afterAll(async () => {
  await Promise.all(scratch.map((directory) => rm(directory, { recursive: true, force: true })));
});

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`git export on ${targetTitle(target)}`, () => {
    let server: TestServer;
    let world: ExportWorld;
    let repository: string;

    beforeAll(async () => {
      server = await startTestServer(target, ADMIN_ENV);
      world = await buildExportWorld(server.url, await adminClient(server.url));
      repository = await cloneExport(server.url, world.bill.id);
    });
    afterAll(() => server?.stop());

    it('EXPORT8 the bundle clones into one commit per version, in order, dated at its step, saying the step and the version', async () => {
      const commits = await commitsOf(repository);
      expect(commits.map((c) => [c.authored, c.committed, c.subject])).toEqual(STEPS.map((s) => [s.date, s.date, `1ère lecture – assemblee – ${s.kind}`]));
      commits.forEach((commit, index) => expect(commit.body).toContain(`Version: ${world.versions[index]!.id}`));
      expect((await git(repository, 'rev-parse', '--abbrev-ref', 'HEAD')).trim()).toBe('main');
      expect((await git(repository, 'tag')).trim().split('\n')).toHaveLength(3);
    });

    it('EXPORT8 each commit holds its version whole: one file per standing article, its alinéas as paragraphs, a README', async () => {
      const commits = await commitsOf(repository);
      for (const [index, commit] of commits.entries()) {
        const version = world.versions[index]!;
        expect(await filesOf(repository, commit.hash)).toEqual(expectedFiles(version, apiPath));
        for (const article of version.articles.filter((a) => a.alineas.length > 0)) {
          expect(await git(repository, 'show', `${commit.hash}:${apiPath(article.number)}`)).toBe(`# Article ${article.number}\n\n${article.alineas.map((a) => `${a}\n`).join('\n')}`);
        }
        const readme = await git(repository, 'show', `${commit.hash}:README.md`);
        expect(readme).toContain(`# ${world.bill.title}`);
        expect(readme).toContain(`1ère lecture – assemblee – ${STEPS[index]!.kind} (${STEPS[index]!.date})`);
      }
      expect(await readFile(path.join(repository, 'articles/article-04.md'), 'utf8')).toBe(`# Article 4\n\n${NEW_ARTICLE.map((a) => `${a}\n`).join('\n')}`);
    });

    it('EXPORT8 git show tells the story: a word changed, an article added and one deleted, then a renumbered article moved', async () => {
      const [, committee, chamber] = await commitsOf(repository);
      expect(await changesOf(repository, committee!.hash)).toEqual(['A\tarticles/article-02-bis.md', 'D\tarticles/article-03.md', 'M\tREADME.md', 'M\tarticles/article-01.md']);
      const stat = await git(repository, 'show', '--stat', '--format=', committee!.hash);
      expect(stat).toMatch(/articles\/article-01\.md\s+\|\s+2 \+-/);
      const patch = await git(repository, 'show', '--format=', committee!.hash, '--', 'articles/article-01.md');
      expect(patch).toContain(`-${ARTICLES[0]!.alineas[1]}`);
      expect(patch).toContain(`+${ARTICLES[0]!.alineas[1]!.replace('trois', 'cinq')}`);
      const moved = await changesOf(repository, chamber!.hash);
      expect(moved).toContainEqual(expect.stringMatching(/^R\d+\tarticles\/article-02-bis\.md\tarticles\/article-04\.md$/));
    });

    it('EXPORT8 the same data gives the same commits', async () => {
      const again = await cloneExport(server.url, world.bill.id);
      expect((await commitsOf(again)).map((c) => c.hash)).toEqual((await commitsOf(repository)).map((c) => c.hash));
    });

    it('EXPORT9 temporary files are removed; the command line writes the same history to a directory, on its own', async () => {
      const leftovers = async () => (await readdir(tmpdir())).filter((name) => name.startsWith('loilive-git-')).sort();
      const before = await leftovers();
      await cloneExport(server.url, world.bill.id);
      // The server removes its directory once the last byte is sent, which the client may read a moment sooner.
      await waitFor(async () => expect(await leftovers()).toEqual(before));
      const directory = path.join(await scratchDirectory(), 'repository');
      await writeGitRepository(server.app.storage.db, world.bill.id, directory);
      expect((await commitsOf(directory)).map((c) => c.hash)).toEqual((await commitsOf(repository)).map((c) => c.hash));
      expect((await git(directory, 'remote')).trim()).toBe('');
      expect((await git(directory, 'status', '--porcelain')).trim()).toBe('');
      expect(await leftovers()).toEqual(before);
    });

    it('EXPORT9 an unknown bill is a 404 problem; without git the export is a 503 git_unavailable problem', async () => {
      expectProblem(await world.admin.get('/bills/nope/export/git'), 404, 'bill_not_found');
      const path = process.env.PATH;
      process.env.PATH = '/nonexistent';
      try {
        expectProblem(await world.admin.get(`/bills/${world.bill.id}/export/git`), 503, 'git_unavailable');
      } finally {
        process.env.PATH = path;
      }
    });
  });

  describe.skipIf(target.skipReason !== null || reason !== null)(`git export of ${BILL} imported on ${targetTitle(target)}${reason ? ` (${reason})` : ''}`, () => {
    it('EXPORT8 one commit per version of the real bill, dated at its steps, each tree the version’s articles', async () => {
      const ctx = await startImportServer(target);
      try {
        const answer = await importOk(ctx.admin, { files: await readBillBundle(BILL) }, 201);
        const versions = await Promise.all(answer.summary.versions.map(({ id }) => versionOf(ctx.admin, answer.billId, id)));
        const repository = await cloneExport(ctx.server.url, answer.billId);
        const commits = await commitsOf(repository);
        expect(commits).toHaveLength(versions.length);
        expect(commits.map((c) => [c.authored, c.committed])).toEqual(versions.map((v) => [v.date, v.date]));
        expect(commits.map((c) => c.subject)).toEqual(versions.map((v) => [v.stage, v.institution, v.kind].filter(Boolean).join(' – ')));
        for (const [index, commit] of commits.entries()) {
          expect(commit.body).toContain(`Version: ${versions[index]!.id}`);
          expect(await filesOf(repository, commit.hash)).toEqual(expectedFiles(versions[index]!, apiPath));
        }
        // The Assemblée's committee added articles 1er A and 1er B.
        expect(await changesOf(repository, commits[1]!.hash)).toEqual(expect.arrayContaining(['A\tarticles/article-01-a.md', 'A\tarticles/article-01-b.md']));
      } finally {
        await ctx.stop();
      }
    });
  });
}
