import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Version } from '../../../shared/api/bills.ts';
import { commitCommands, streamEnd, streamStart, tagName } from './fastImport.ts';
import { gitSkipReason, gitTitle } from '../../../test/helpers/git.ts';
import { articlePath, commitMessage, commitTime, isDeletedStatus, numberWidth, versionFiles } from './layout.ts';

const version = (articles: [string, string[], string | null][]): Version => ({
  id: 'v1',
  stepId: 's1',
  stepKey: '01_1èrelecture_assemblee_commission',
  stage: '1ère lecture',
  institution: 'assemblee',
  kind: 'commission',
  date: '2015-09-29',
  title: 'Texte de la commission',
  articleCount: articles.length,
  sourceUrl: null,
  expose: '',
  sections: [{ key: 'C1', title: 'Dispositions générales', type: 'chapitre', newKey: null }],
  articles: articles.map(([number, alineas, status], position) => ({ articleId: `a-${number}`, number, position, sectionKey: 'C1', status, alineas, newNumber: null })),
});

describe('git export layout', () => {
  it('EXPORT8 one file per article, named so files sort as the text does', () => {
    expect(['1er', '1er A', '2 bis', '10', '2bis', 'liminaire', 'unique'].map((n) => articlePath(n, 2))).toEqual([
      'articles/article-01.md',
      'articles/article-01-a.md',
      'articles/article-02-bis.md',
      'articles/article-10.md',
      'articles/article-02-bis.md',
      'articles/article-liminaire.md',
      'articles/article-unique.md',
    ]);
    expect(numberWidth(['1er', '2 bis', '104', 'liminaire'])).toBe(3);
    expect(articlePath('7', 3)).toBe('articles/article-007.md');
  });

  it('EXPORT8 a deleted article has no file; the others hold their alinéas as paragraphs; the README lists them', () => {
    const files = versionFiles({ title: 'Projet de loi pour une République numérique', shortTitle: 'République numérique' }, version([
      ['1er', ['Premier alinéa.', 'Second alinéa.'], null],
      ['2', ['(Supprimé)'], 'supprimé'],
      ['3', ['Censuré.'], 'non conforme à la Constitution'],
      ['2 bis', ['Alinéa.'], 'nouveau'],
    ]), 2);
    expect(files.map((f) => f.path)).toEqual(['articles/article-01.md', 'articles/article-02-bis.md', 'README.md']);
    expect(files[0]?.content).toBe('# Article 1er\n\nPremier alinéa.\n\nSecond alinéa.\n');
    expect(files[2]?.content).toContain('# Projet de loi pour une République numérique\n\n1ère lecture – assemblee – commission (2015-09-29)');
    expect(files[2]?.content).toContain('### Dispositions générales\n\n- [Article 1er](articles/article-01.md)\n- [Article 2 bis](articles/article-02-bis.md)');
    expect(['supprimé', 'Supprimés. ', 'censuré', 'non conforme à la constitution', 'nouveau', 'conforme', null].map(isDeletedStatus)).toEqual([true, true, true, true, false, false, false]);
  });

  it('EXPORT8 commits are dated at their step’s date, noon UTC, and say the step and the version', () => {
    expect(new Date(commitTime({ date: '2015-09-29' }, null) * 1000).toISOString()).toBe('2015-09-29T12:00:00.000Z');
    expect(commitTime({ date: null, endDate: '2015-10-01' }, null)).toBe(Date.UTC(2015, 9, 1, 12) / 1000);
    expect(commitTime({ date: null, endDate: null }, 1234)).toBe(1234);
    expect(commitMessage(version([]))).toBe('1ère lecture – assemblee – commission\n\nTexte de la commission\n\nVersion: v1\nStep: 01_1èrelecture_assemblee_commission\nDate: 2015-09-29\n');
    expect(tagName('01_1èrelecture_assemblee_commission')).toBe('01_1erelecture_assemblee_commission');
    expect(tagName('..l. définitive..')).toBe('l.-definitive');
  });

  it.skipIf(gitSkipReason !== null)(gitTitle('EXPORT9 the fast-import stream makes a repository git reads back, multi-byte text intact'), () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'loilive-fastimport-'));
    try {
      const who = { name: 'loi.live <x>', email: 'export@loi.live' };
      const files = (text: string) => [{ path: 'articles/article-01.md', content: `# Article 1er\n\n${text}\n` }];
      const stream =
        streamStart() +
        commitCommands({ mark: 1, time: commitTime({ date: '2015-07-31' }, null), author: who, committer: who, message: 'Dépôt – « é »\n', files: files('Texte déposé.'), tag: '00_dépôt' }) +
        commitCommands({ mark: 2, time: commitTime({ date: '2015-09-29' }, null), author: who, committer: who, message: 'Commission\n', files: files('Texte modifié.'), tag: null }) +
        streamEnd();
      const git = (...args: string[]) => execFileSync('git', args, { cwd: directory, encoding: 'utf8', input: args[0] === 'fast-import' ? stream : undefined });
      git('init', '--quiet', '--initial-branch=main');
      git('fast-import', '--quiet', '--done');
      expect(git('log', '--format=%ad|%an|%s', '--date=short', 'main').trim().split('\n')).toEqual(['2015-09-29|loi.live x|Commission', '2015-07-31|loi.live x|Dépôt – « é »']);
      expect(git('show', 'main:articles/article-01.md')).toBe('# Article 1er\n\nTexte modifié.\n');
      expect(git('tag').trim()).toBe('00_depot');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
