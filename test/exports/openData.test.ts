/**
 * EXPORT1–EXPORT3: the open-data export of a live bill that went through every kind of deliberation (amendments in
 * every state, responses, votes, arguments, sources, questions, annotations, a hidden argument), over real HTTP.
 */
import { beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Amendment } from '../../shared/api/amendments.ts';
import type { Bill, Version } from '../../shared/api/bills.ts';
import { EXPORT_SCHEMA_VERSION, exportTable, TABLES } from '../../server/modules/exports/index.ts';
import { expectProblem, signUp } from '../helpers/apiFixtures.ts';
import { actOnAmendment, depositedAmendment, draftAmendment, ledgerOf, makeModerator, quoteAnchor, signUpOrganisation } from '../helpers/deliberationFixtures.ts';
import { describeDeliberation, type World } from '../helpers/deliberationSuite.ts';
import { download, type ExportedEntry, parseCsv, unzipText, verifyExportedLedger } from '../helpers/exports.ts';
import type { ApiClient } from '../helpers/testServer.ts';

type Row = Record<string, unknown>;
interface Exported {
  schemaVersion: number;
  exportedAt: string;
  billId: string;
  ledgerHead: number;
  tables: Record<string, Row[]>;
}

const HIDDEN_TEXT = 'Cet argument insultant sera masqué par la modération.';
const HIDE_REASON = 'Propos injurieux envers une personne';
const FORMULA = '=HYPERLINK("https://example.org/piege";"cliquez")';

describeDeliberation('EXPORT open data', {}, (suite) => {
  let world: World;
  let billId: string;
  let org: ApiClient;
  let voterId: string;
  const amendments: Record<'rejected' | 'pending' | 'draft' | 'withdrawn' | 'adopted', Amendment> = {} as never;
  let hiddenArgumentId: string;
  let exported: Exported;
  let jsonText: string;
  const rowsOf = (table: string) => exported.tables[table] ?? [];

  beforeAll(async () => {
    const { server, admin } = suite;
    world = await suite.newWorld();
    billId = world.bill.id;
    const { citizen, rapporteur, first, second } = world;
    ({ client: org } = await signUpOrganisation(server.url));
    const voter = await signUp(server.url);
    voterId = voter.me.id;
    const moderator = await makeModerator(server.url, admin);

    // An annotation (on article 2, which no amendment rewrites) with a reply and a reaction.
    const annotation = await citizen.post<{ id: string }>(`/bills/${billId}/annotations`, { anchor: quoteAnchor(second, 'Unique'), body: 'Pourquoi « unique » ?' });
    expect(annotation.status).toBe(201);
    expect((await org.post(`/bills/${billId}/annotations/${annotation.body.id}/replies`, { body: 'Parce qu’il est seul.' })).status).toBe(201);
    expect((await org.put(`/bills/${billId}/annotations/${annotation.body.id}/reactions/like`)).status).toBe(200);

    amendments.rejected = await depositedAmendment(citizen, billId, first, 'Première rédaction proposée.');
    amendments.rejected = await actOnAmendment(rapporteur, billId, amendments.rejected.id, 'decision', { outcome: 'rejected' });
    amendments.pending = await depositedAmendment(org, billId, second, 'Rédaction de l’organisation.');
    amendments.draft = await draftAmendment(citizen, billId, second, 'Brouillon privé.');
    amendments.withdrawn = await depositedAmendment(citizen, billId, second, 'Retirée ensuite.');
    amendments.withdrawn = await actOnAmendment(citizen, billId, amendments.withdrawn.id, 'withdraw');
    amendments.adopted = await depositedAmendment(org, billId, first, 'Texte adopté.');
    amendments.adopted = await actOnAmendment(rapporteur, billId, amendments.adopted.id, 'decision', { outcome: 'adopted' });
    expect((await rapporteur.put(`/bills/${billId}/amendments/${amendments.rejected.id}/response`, { avis: 'defavorable', body: 'Contraire à la position de la commission.' })).status).toBe(200);

    const question = await citizen.post<{ id: string }>(`/bills/${billId}/questions`, { articleId: first, body: 'Quand entrera-t-il en vigueur ?' });
    expect((await rapporteur.put(`/bills/${billId}/questions/${question.body.id}/response`, { body: 'Au 1er janvier.' })).status).toBe(200);

    const pour = await org.post<{ id: string }>(`/bills/${billId}/arguments`, { target: { type: 'article', id: first }, side: 'pour', body: FORMULA });
    expect(pour.status).toBe(201);
    const hidden = await citizen.post<{ id: string }>(`/bills/${billId}/arguments`, { target: { type: 'amendment', id: amendments.pending.id }, side: 'contre', body: HIDDEN_TEXT });
    hiddenArgumentId = hidden.body.id;
    expect((await moderator.client.post(`/bills/${billId}/moderation/hide`, { target: { type: 'argument', id: hiddenArgumentId }, reason: HIDE_REASON })).status).toBe(201);
    const source = { target: { type: 'article', id: first }, title: 'Rapport du Conseil d’État', url: 'https://example.org/rapport', description: 'Avis consultatif.' };
    expect((await org.post(`/bills/${billId}/sources`, source)).status).toBe(201);

    for (const [client, type, id, value] of [
      [voter.client, 'article', first, 'agree'],
      [citizen, 'article', first, 'disagree'],
      [voter.client, 'amendment', amendments.pending.id, 'mixed'],
      [voter.client, 'argument', pour.body.id, 'agree'],
    ] as const) {
      expect((await client.put(`/bills/${billId}/votes/${type}/${id}`, { value })).status).toBe(200);
    }

    const answer = await download(server.url, `/bills/${billId}/export`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="${billId}.json"`);
    jsonText = answer.text();
    exported = JSON.parse(jsonText) as Exported;
  }, 120_000);

  it('EXPORT1 one JSON document: schemaVersion, the export’s fields, every table in order, each row with exactly its described fields', () => {
    expect(exported.schemaVersion).toBe(EXPORT_SCHEMA_VERSION);
    const { tables: _tables, ...meta } = exported;
    expect(exportTable.row.parse(meta)).toEqual(meta);
    expect(Object.keys(exported)).toEqual([...Object.keys(exportTable.row.shape), 'tables']);
    expect(exported.billId).toBe(billId);
    expect(Object.keys(exported.tables)).toEqual(TABLES.map((table) => table.name));
    for (const table of TABLES) {
      for (const row of rowsOf(table.name)) {
        expect(Object.keys(row), table.name).toEqual(Object.keys(table.row.shape));
        const parsed = table.row.safeParse(row);
        expect(parsed.success, `${table.name}: ${parsed.error?.message}`).toBe(true);
      }
    }
  });

  it('EXPORT1 the bill, its steps, versions and articles (alinéas) as the API gives them', async () => {
    const { anonymous } = suite;
    const bill = (await anonymous.get<Bill>(`/bills/${billId}`)).body;
    expect(rowsOf('bill')).toEqual([expect.objectContaining({ id: billId, title: bill.title, versionCount: bill.versionCount, rapporteurs: bill.rapporteurs.map((r) => r.displayName) })]);
    expect(rowsOf('steps').map(({ extra: _extra, ...step }) => step)).toEqual(bill.steps);
    const versionId = bill.steps[0]!.versionId!;
    const version = (await anonymous.get<Version>(`/bills/${billId}/versions/${versionId}`)).body;
    expect(rowsOf('versions')).toEqual([expect.objectContaining({ id: versionId, stepId: bill.steps[0]!.id, title: version.title, expose: version.expose, articleCount: 2 })]);
    expect(rowsOf('sections')).toEqual(version.sections.map((section, position) => ({ versionId, position, ...section })));
    expect(rowsOf('articles').map((a) => [a.articleId, a.number, a.sectionKey, a.alineas])).toEqual(version.articles.map((a) => [a.articleId, a.number, a.sectionKey, a.alineas]));
  });

  it('EXPORT1 every public amendment (no draft) with its outcome, diff, official form and authors’ badges; official responses', async () => {
    const listed = (await suite.anonymous.get<{ amendments: Amendment[] }>(`/bills/${billId}/amendments`)).body.amendments;
    const rows = rowsOf('amendments');
    expect(rows.map((row) => row.id)).toEqual(listed.map((amendment) => amendment.id));
    expect(rows.map((row) => row.id)).not.toContain(amendments.draft.id);
    expect(jsonText).not.toContain('Brouillon privé.');
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const [state, amendment] of Object.entries(amendments)) {
      if (state === 'draft') continue;
      const row = byId.get(amendment.id)!;
      const api = listed.find((a) => a.id === amendment.id)!;
      expect(row, state).toMatchObject({
        number: api.number,
        status: api.status,
        kind: 'rewrite_article',
        text: api.text,
        diffBefore: api.diff?.before ?? null,
        diffAfter: api.diff?.after ?? null,
        diffParts: api.diff?.parts ?? null,
        formalHeader: api.formalWording?.header ?? null,
        stepKey: world.bill.steps[0]!.key,
        decidedAt: api.decidedAt,
      });
    }
    expect(byId.get(amendments.adopted.id)).toMatchObject({ status: 'adopted', diffAfter: 'Texte adopté.', appliedCommitId: expect.any(Number) as unknown });
    expect(byId.get(amendments.withdrawn.id)?.status).toBe('withdrawn');
    expect(byId.get(amendments.pending.id)?.status).toBe('deposited');

    const authors = rowsOf('amendment_authors').filter((row) => row.amendmentId === amendments.pending.id);
    expect(authors).toEqual([expect.objectContaining({ position: 0, status: 'author', authorBadge: 'organisation', authorRegister: 'H123456789' })]);
    expect(rowsOf('responses').map((row) => [row.targetType, row.avis, row.body, row.authorBadge])).toEqual([
      ['amendment', 'defavorable', 'Contraire à la position de la commission.', 'official'],
      ['question', null, 'Au 1er janvier.', 'official'],
    ]);
  });

  it('EXPORT1 votes as tallies only: nothing in the export names the voter, whose every act was a vote', () => {
    const tallies = rowsOf('vote_tallies').map(({ targetType, agree, mixed, disagree, total }) => [targetType, agree, mixed, disagree, total]);
    expect(tallies).toEqual([
      ['article', 1, 0, 1, 2],
      ['amendment', 0, 1, 0, 1],
      ['argument', 1, 0, 0, 1],
    ]);
    expect(jsonText).not.toContain(voterId);
    const votes = rowsOf('ledger').filter((row) => String(row.type).startsWith('vote.'));
    expect(votes).toHaveLength(4);
    for (const vote of votes) {
      // Sealed when written (LEDGER8): the payload has the target and the seal only; nothing had to be withheld.
      expect(vote).toMatchObject({ actorId: null, withheld: [], sealed: ['actorId', 'value', 'previous'] });
      expect(vote.payload).toEqual({ target: expect.any(Object) as unknown, seal: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
    }
  });

  it('EXPORT1 a hidden contribution is a tombstone, as the API shows it: no text anywhere, the public reason given, and the moderation log', () => {
    expect(jsonText).not.toContain(HIDDEN_TEXT);
    const argument = rowsOf('arguments').find((row) => row.id === hiddenArgumentId);
    expect(argument).toMatchObject({ body: null, hiddenReason: HIDE_REASON, hiddenAt: expect.any(String) as unknown, authorBadge: 'citizen' });
    expect(rowsOf('moderation_log')).toEqual([
      expect.objectContaining({ action: 'hide', targetType: 'argument', targetId: hiddenArgumentId, reason: HIDE_REASON, moderatorBadge: 'staff' }),
    ]);
    const entry = rowsOf('ledger').find((row) => row.type === 'argument.created' && (row.payload as Row).argumentId === hiddenArgumentId);
    expect(entry).toMatchObject({ payload: { body: null }, redacted: { target: { type: 'argument', id: hiddenArgumentId }, fields: ['body'], reason: HIDE_REASON } });
    expect(rowsOf('annotations').map((row) => [row.parentId === null, row.quote, row.reactionsLike])).toEqual([
      [true, 'Unique', 1],
      [false, null, 0],
    ]);
    expect(rowsOf('sources')).toEqual([expect.objectContaining({ title: 'Rapport du Conseil d’État', authorBadge: 'organisation' })]);
  });

  it('EXPORT1 EXPORT3 the ledger as the public reads it, with hashes a third party can verify, up to ledgerHead', async () => {
    const events = await ledgerOf(suite.anonymous, billId);
    const ledger = rowsOf('ledger') as unknown as ExportedEntry[];
    expect(ledger.map((row) => [row.seq, row.type, row.hash])).toEqual(events.map((event) => [event.seq, event.type, event.hash]));
    expect(exported.ledgerHead).toBe(events.at(-1)!.seq);
    const { recomputed } = verifyExportedLedger(billId, ledger);
    // Only the redacted entry cannot be recomputed: sealed votes are shown whole.
    expect(recomputed).toBe(ledger.length - 1);
  });

  it('EXPORT1 an unknown bill is a 404 problem before any byte; an unknown format a 400', async () => {
    const { anonymous } = suite;
    for (const path of ['/bills/no-such-bill/export', '/bills/no-such-bill/export?format=csv', '/bills/no-such-bill/export/README']) {
      expectProblem(await anonymous.get(path), 404, 'bill_not_found');
    }
    expectProblem(await anonymous.get(`/bills/${billId}/export?format=xml`), 400, 'validation_failed');
  });

  it('EXPORT2 ?format=csv is a zip of README.md, export.csv and one CSV per table holding the JSON rows', async () => {
    const answer = await download(suite.server.url, `/bills/${billId}/export?format=csv`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/zip');
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="${billId}.csv.zip"`);
    const files = unzipText(answer.bytes);
    expect([...files.keys()]).toEqual(['README.md', 'export.csv', ...TABLES.map((table) => `${table.name}.csv`)]);
    const readme = await download(suite.server.url, `/bills/${billId}/export/README`);
    expect(files.get('README.md')).toBe(readme.text());

    const neutral = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
    const cellOf = (schema: z.ZodType, value: unknown): string => {
      const def = schema.def as unknown as { type: string; innerType?: z.ZodType };
      const type = def.type === 'nullable' ? def.innerType!.def.type : def.type;
      if (value === null) return '';
      if (type === 'unknown') return JSON.stringify(value);
      if (type === 'array') return neutral((value as string[]).join('\n'));
      return typeof value === 'string' ? neutral(value) : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
    };
    const csvOf = (name: string) => {
      const text = files.get(`${name}.csv`)!;
      expect(text.startsWith('\uFEFF'), name).toBe(true);
      return parseCsv(text.slice(1));
    };
    // The two downloads differ only in when they were made.
    const { tables: _tables, ...meta } = exported;
    const exportedAt = csvOf('export').rows[0]![1]!;
    expect(Date.parse(exportedAt)).toBeGreaterThanOrEqual(Date.parse(meta.exportedAt));
    for (const [table, rows] of [[exportTable, [{ ...meta, exportedAt }]], ...TABLES.map((t) => [t, rowsOf(t.name)] as const)] as const) {
      const csv = csvOf(table.name);
      const fields = Object.entries(table.row.shape) as [string, z.ZodType][];
      expect(csv.header).toEqual(fields.map(([name]) => name));
      expect(csv.rows, table.name).toEqual((rows as Row[]).map((row) => fields.map(([name, schema]) => cellOf(schema, row[name] ?? null))));
    }
    // A formula typed as an argument reaches spreadsheets as text, and JSON readers exactly.
    expect(files.get('arguments.csv')).toContain(`"'=HYPERLINK(""https://example.org/piege"";""cliquez"")"`);
    expect(rowsOf('arguments').map((row) => row.body)).toContain(FORMULA);
  });

  it('EXPORT3 the README names every table and describes every field, from the descriptions the export is written with', async () => {
    const readme = await download(suite.server.url, `/bills/${billId}/export/README`);
    expect(readme.status).toBe(200);
    expect(readme.headers.get('content-type')).toMatch(/^text\/markdown/);
    const text = readme.text();
    expect(text).toContain(`schema version ${EXPORT_SCHEMA_VERSION}`);
    for (const table of [exportTable, ...TABLES]) {
      expect(text).toContain(`### ${table.name} (\`${table.name}.csv\``);
      for (const [name, schema] of Object.entries(table.row.shape) as [string, z.ZodType][]) {
        expect(schema.description, `${table.name}.${name} has a description`).toBeTruthy();
        expect(text).toContain(`| \`${name}\` | `);
        expect(text).toContain(schema.description!.replaceAll('|', '\\|'));
      }
    }
    expect(text).toContain('Verifying the ledger');
  });
});
