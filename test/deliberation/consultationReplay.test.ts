import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Version } from '../../shared/api/bills.ts';
import { ADMIN_ENV, adminClient } from '../helpers/apiFixtures.ts';
import { proposalNumber, proposalText } from '../helpers/consultation/billBody.ts';
import { CONSULTATION_DATA_DIR, missingConsultationReason } from '../helpers/consultation/dataDir.ts';
import { createParticipants } from '../helpers/consultation/participants.ts';
import { accountsNeeded } from '../helpers/consultation/plan.ts';
import { readArguments, readDepositedAmendments, readTallies } from '../helpers/consultation/readBack.ts';
import { type Consultation, readConsultation } from '../helpers/consultation/readConsultation.ts';
import { replayConsultation, type ReplayResult } from '../helpers/consultation/replay.ts';
import { type StorageTarget, storageTargets } from '../helpers/storageTargets.ts';
import { ApiClient, startTestServer, type TestServer } from '../helpers/testServer.ts';

const dataMissing = missingConsultationReason();

// Votes are committed in groups per bill (VOTE3); on embedded PGlite the client, the server and the database share
// one thread, and the replay's ~93,000 requests take too long for every `npm test`: PostgreSQL only.
const PGLITE_TOO_SLOW = 'skipped on embedded PGlite: the 88,622 votes run on PostgreSQL only, set TEST_DATABASE_URL';
const engineSkipReason = (target: StorageTarget) => (target.name === 'pglite' ? PGLITE_TOO_SLOW : target.skipReason);
// Requests in flight: the more ballots wait while a group commits, the larger the next group.
const CONCURRENCY = 96;

for (const target of storageTargets) {
  const reasons = [engineSkipReason(target), dataMissing].filter((reason) => reason !== null);
  describe.skipIf(reasons.length > 0)(`REPLAY1 the République numérique consultation replayed on ${target.name}${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}`, () => {
    let server: TestServer;
    let anonymous: ApiClient;
    let consultation: Consultation;
    let replay: ReplayResult;

    beforeAll(async () => {
      consultation = readConsultation(CONSULTATION_DATA_DIR);
      server = await startTestServer(target, ADMIN_ENV);
      anonymous = new ApiClient(server.url);
      const tokens = await createParticipants(server.app.storage.db, accountsNeeded(consultation));
      replay = await replayConsultation(consultation, { urls: [server.url], admin: await adminClient(server.url), tokens, concurrency: CONCURRENCY });
      const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      console.info(`replay on ${target.name}: ${tokens.count} accounts; bill ${seconds(replay.phaseMs.bill)}, ${replay.counts.amendments} amendments ${seconds(replay.phaseMs.amendments)}, ${replay.counts.arguments} arguments ${seconds(replay.phaseMs.arguments)}, ${replay.counts.votes} votes ${seconds(replay.phaseMs.votes)}`);
    }, 30 * 60_000);
    afterAll(() => server?.stop());

    it('REPLAY1 the bill holds the 30 draft articles, in their sections, with the data’s alinéas', async () => {
      const version = (await anonymous.get<Version>(`/bills/${replay.billId}/versions/${replay.versionId}`)).body;
      expect(version.articles.map((article) => ({ number: article.number, sectionKey: article.sectionKey, alineas: article.alineas }))).toEqual(
        consultation.articles.map((article) => ({ number: article.number, sectionKey: article.sectionKey, alineas: article.alineas })),
      );
      expect(version.sections.map((section) => [section.key, section.title])).toEqual(consultation.sections.map((section) => [section.key, section.title]));
      // The HTML converter that made the proposals' texts gives the derived file's alinéas for the government's articles.
      const converted = new Map(consultation.opinions.map((opinion) => [opinion.id, opinion.alineas]));
      for (const article of consultation.articles) expect(converted.get(article.opinionId), article.number).toEqual(article.alineas);
    });

    it('REPLAY1 the 666 proposals are deposited add_article amendments by their authors, with their text and title', async () => {
      const amendments = await readDepositedAmendments(anonymous, replay.billId);
      const proposals = consultation.opinions.filter((opinion) => opinion.kind === 'proposal');
      expect(proposals).toHaveLength(666);
      const byId = new Map(amendments.map((amendment) => [amendment.id, amendment]));
      expect(amendments).toHaveLength(proposals.length);
      for (const opinion of proposals) {
        const amendment = byId.get(replay.targets.get(opinion.id)?.id ?? '');
        expect({ opinion: opinion.id, amendment }).toMatchObject({
          opinion: opinion.id,
          amendment: {
            status: 'deposited',
            kind: 'add_article',
            origin: 'citizen',
            newArticleNumber: proposalNumber(opinion),
            text: proposalText(opinion),
            expose: opinion.title,
            authors: [{ status: 'author', user: { displayName: opinion.author } }],
          },
        });
      }
    }, 120_000);

    it('REPLAY1 every argument is there, on its article or amendment, with its text, side and author', async () => {
      const stored = await readArguments(anonymous, replay.billId);
      const key = (side: string, body: string | null, author: string) => `${side}|${author}|${body}`;
      const found = new Map<string, string[]>();
      for (const argument of stored) found.set(argument.target.id, [...(found.get(argument.target.id) ?? []), key(argument.side, argument.body, argument.author.displayName)]);
      const expected = new Map<string, string[]>();
      for (const opinion of consultation.opinions) {
        const targetId = replay.targets.get(opinion.id)?.id ?? `missing target of ${opinion.id}`;
        expected.set(targetId, opinion.arguments.map((argument) => key(argument.side, argument.body, argument.author)));
      }
      expect(stored).toHaveLength(3994);
      for (const [targetId, keys] of expected) expect((found.get(targetId) ?? []).sort(), targetId).toEqual([...keys].sort());
    }, 120_000);

    it('REPLAY1 every one of the 696 opinions has exactly the data’s d’accord / pas d’accord / mitigé counts', async () => {
      expect(consultation.opinions).toHaveLength(696);
      const idsOf = (type: 'article' | 'amendment') => [...replay.targets.values()].filter((t) => t.type === type).map((t) => t.id);
      const tallies = new Map([...(await readTallies(anonymous, replay.billId, 'article', idsOf('article'))), ...(await readTallies(anonymous, replay.billId, 'amendment', idsOf('amendment')))]);
      const mismatches = consultation.opinions.flatMap((opinion) => {
        const tally = tallies.get(replay.targets.get(opinion.id)?.id ?? '');
        const actual = tally ? { agree: tally.agree, disagree: tally.disagree, mixed: tally.mixed } : null;
        return JSON.stringify(actual) === JSON.stringify(opinion.votes) ? [] : [{ opinion: opinion.id, expected: opinion.votes, actual }];
      });
      expect(mismatches).toEqual([]);
      expect(replay.counts.votes).toBe(88_622);
    });
  });
}
