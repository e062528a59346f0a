/**
 * IMP3 / IMP5 over real HTTP: bad La Fabrique sources are refused with `import_invalid` naming the file
 * (and the field), an unreachable one with `import_unreachable`, non-admins are refused, and none of it
 * writes anything. Every bad source also carries a real change, so a partial write would show.
 */
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BillSummary, Version } from '../../shared/api/bills.ts';
import { DomainError } from '../../server/common/errors.ts';
import { directorySource, importLaFabriqueBill } from '../../server/modules/lafabrique/index.ts';
import { expectProblem, signUp } from '../helpers/apiFixtures.ts';
import { type ImportAnswer, type ImportServer, importOk, ledgerOf, startImportServer, versionOf } from '../helpers/importServer.ts';
import {
  billDirectory,
  cloneBundle,
  closedPortUrl,
  copyBillDirectory,
  missingBillReason,
  type RawAmendments,
  type RawProcedure,
  type RawText,
  readBillBundle,
  serveDirectory,
  textPath,
} from '../helpers/lafabriqueFiles.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';

const BILL = 'pjl15-034';
const STEP = '04_1erelecture_senat_commission';
const OTHER_STEP = '05_1erelecture_senat_hemicycle';
const reason = missingBillReason(BILL);
if (reason) console.warn(reason);

type Files = Record<string, unknown>;

/** A defect: what it does to a bundle, and the file and field the answer must name. */
interface Defect {
  name: string;
  apply(files: Files): void;
  file: string;
  field?: string;
}

const procedureOf = (files: Files) => files['viz/procedure.json'] as RawProcedure;
const textOf = (files: Files, step: string) => files[textPath(step)] as RawText;

const defects: Defect[] = [
  { name: 'a missing viz/procedure.json', apply: (f) => delete f['viz/procedure.json'], file: 'viz/procedure.json' },
  {
    name: 'a text for a step the procedure does not list',
    apply: (f) => void (f[textPath('99_1erelecture_senat_hemicycle')] = f[textPath(STEP)]),
    file: textPath('99_1erelecture_senat_hemicycle'),
  },
  {
    name: 'amendments of a step the procedure does not list',
    apply: (f) => void (f['viz/amendements_99_1erelecture_senat_hemicycle.json'] = f[`viz/amendements_${STEP}.json`]),
    file: 'viz/amendements_99_1erelecture_senat_hemicycle.json',
  },
  { name: 'debates of an unknown step', apply: (f) => void ((f['viz/interventions.json'] as Files)['99_inconnu'] = { total_seances: 1, divisions: {} }), file: 'viz/interventions.json', field: '99_inconnu' },
  { name: 'an unknown stage', apply: (f) => void (procedureOf(f).steps[2]!.stage = 'troisième lecture'), file: 'viz/procedure.json', field: 'steps[2].stage' },
  { name: 'an article without titre', apply: (f) => delete (textOf(f, STEP).articles[1] as Partial<RawText['articles'][number]>).titre, file: textPath(STEP), field: 'articles[1].titre' },
  {
    name: 'an amendment with an unknown outcome',
    apply: (f) => void ((f[`viz/amendements_${STEP}.json`] as RawAmendments).sujets['Article 2']!.amendements[0]!.sort = 'adoptée'),
    file: `viz/amendements_${STEP}.json`,
    field: 'sujets.Article 2.amendements[0].sort',
  },
];

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null || reason !== null)(`IMP3 IMP5 refused imports on ${targetTitle(target)}${reason ? ` (${reason})` : ''}`, () => {
    let ctx: ImportServer;
    let files: Files;
    let imported: ImportAnswer;
    let before: Awaited<ReturnType<typeof state>>;

    /** What a refused import must leave as it was: the bills, the imported bill's texts, its ledger. */
    const state = async () => {
      const list = await ctx.anonymous.get<{ total: number; bills: BillSummary[] }>('/bills');
      const versions: Version[] = [];
      for (const { id } of imported.summary.versions) versions.push(await versionOf(ctx.anonymous, imported.billId, id));
      return { total: list.body.total, ids: list.body.bills.map((b) => b.id), versions, ledger: (await ledgerOf(ctx.anonymous, imported.billId)).length };
    };
    /** The bundle with a genuine change (so a write would show), as an update of the bill or as a new bill. */
    const changed = (asNewBill: boolean) => {
      const copy = cloneBundle(files);
      const article = textOf(copy, OTHER_STEP).articles[0]!;
      article.alineas[Object.keys(article.alineas).sort()[0]!] = 'Alinéa qui ne doit jamais être enregistré.';
      if (asNewBill) procedureOf(copy).id = 'pjl99-999';
      return copy;
    };

    beforeAll(async () => {
      ctx = await startImportServer(target);
      files = await readBillBundle(BILL);
      imported = await importOk(ctx.admin, { files }, 201);
      before = await state();
      expect(before).toMatchObject({ total: 1, ledger: 1 });
    });
    afterAll(() => ctx?.stop());

    for (const asNewBill of [false, true]) {
      it.each(defects)(`IMP3 $name is import_invalid naming file and field, and writes nothing (${asNewBill ? 'new bill' : 'update'})`, async (defect) => {
        const bundle = changed(asNewBill);
        defect.apply(bundle);
        const problem = expectProblem(await ctx.admin.post('/imports', { files: bundle }), 422, 'import_invalid');
        expect(problem.file).toBe(defect.file);
        expect(problem.field).toBe(defect.field);
        expect(problem.detail).toContain(defect.file);
        expect(await state()).toEqual(before);
      });
    }

    it('IMP3 broken JSON in a directory, or served over HTTP, is import_invalid naming the file; nothing is written', async () => {
      const copy = await copyBillDirectory(BILL);
      try {
        // A valid change in another step, then the broken file: a partial write would show.
        await writeFile(path.join(copy.dir, textPath(OTHER_STEP)), JSON.stringify(textOf(changed(false), OTHER_STEP)));
        await writeFile(path.join(copy.dir, textPath(STEP)), '{"articles": [');
        const error = await importLaFabriqueBill(ctx.server.app.storage.db, null, directorySource(copy.dir)).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DomainError);
        expect(error).toMatchObject({ code: 'import_invalid', details: { file: textPath(STEP) } });
        expect(await state()).toEqual(before);

        const site = await serveDirectory(copy.dir);
        try {
          const problem = expectProblem(await ctx.admin.post('/imports', { url: site.url }), 422, 'import_invalid');
          expect(problem.file).toBe(textPath(STEP));
        } finally {
          await site.close();
        }
        expect(await state()).toEqual(before);
      } finally {
        await copy.remove();
      }
    });

    it('IMP3 a step folder the procedure does not list, in a directory, is import_invalid naming it', async () => {
      const copy = await copyBillDirectory(BILL);
      try {
        await mkdir(path.join(copy.dir, 'procedure', '99_nouv.lect._senat_hemicycle', 'texte'), { recursive: true });
        const error = await importLaFabriqueBill(ctx.server.app.storage.db, null, directorySource(copy.dir)).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'import_invalid', details: { file: 'procedure/99_nouv.lect._senat_hemicycle' } });
        expect(await state()).toEqual(before);
      } finally {
        await copy.remove();
      }
    });

    it('IMP3 a source that cannot be fetched is 502 import_unreachable', async () => {
      const problem = expectProblem(await ctx.admin.post('/imports', { url: await closedPortUrl() }), 502, 'import_unreachable');
      expect(problem.file).toBe('viz/procedure.json');
      expect(await state()).toEqual(before);
    });

    it('IMP5 anonymous is 401, a citizen 403 (before anything is fetched), an empty or malformed body 400', async () => {
      expectProblem(await ctx.anonymous.post('/imports', { files }), 401, 'authentication_required');
      const { client: citizen, me } = await signUp(ctx.server.url);
      expect(me.role).toBe('citizen');
      const site = await serveDirectory(billDirectory(BILL));
      try {
        expectProblem(await citizen.post('/imports', { url: site.url }), 403, 'forbidden');
        expectProblem(await citizen.post('/imports', { files: changed(true) }), 403, 'forbidden');
        expect(site.requests).toEqual([]);
      } finally {
        await site.close();
      }
      expectProblem(await ctx.admin.post('/imports', {}), 400, 'validation_failed');
      expectProblem(await ctx.admin.post('/imports', { url: 'ftp://example.org/api/pjl15-034/' }), 400, 'validation_failed');
      expectProblem(await ctx.admin.post('/imports', { files: { '../etc/procedure.json': {} } }), 400, 'validation_failed');
      expect(await state()).toEqual(before);
    });
  });
}
