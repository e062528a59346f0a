import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationThread } from '../../shared/api/annotations.ts';
import type { Argument } from '../../shared/api/arguments.ts';
import type { Bill } from '../../shared/api/bills.ts';
import type { LedgerEvent, LedgerVerification } from '../../shared/api/ledger.ts';
import type { ModerationTarget } from '../../shared/api/moderation.ts';
import type { Question } from '../../shared/api/questions.ts';
import type { Source } from '../../shared/api/sources.ts';
import { hashEntry } from '../../server/modules/ledger/hashChain.ts';
import { events } from '../../server/storage/schema.ts';
import { ADMIN_ENV, adminClient, createBill, type LedgerPage, signUp } from '../helpers/apiFixtures.ts';
import { waitFor } from '../helpers/collabClients.ts';
import { depositedAmendment, latestArticles, ledgerOf, makeModerator, patch, quoteAnchor } from '../helpers/deliberationFixtures.ts';
import { LiveClient, SseClient } from '../helpers/liveClients.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import { ApiClient, startTestServer, type TestServer } from '../helpers/testServer.ts';

/** The fields every reader may rely on, whatever the redaction. */
const identity = (entry: LedgerEvent) => ({ id: entry.id, seq: entry.seq, type: entry.type, actorId: entry.actorId, createdAt: entry.createdAt, prevHash: entry.prevHash, hash: entry.hash });

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`the public ledger and hidden content on ${targetTitle(target)}`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let anonymous: ApiClient;
    let author: ApiClient;
    let replier: ApiClient;
    let moderator: ApiClient;
    const clients: LiveClient[] = [];
    const streams: SseClient[] = [];

    beforeAll(async () => {
      server = await startTestServer(target, ADMIN_ENV);
      admin = await adminClient(server.url);
      anonymous = new ApiClient(server.url);
      ({ client: author } = await signUp(server.url));
      ({ client: replier } = await signUp(server.url));
      ({ client: moderator } = await makeModerator(server.url, admin));
    });
    afterAll(async () => {
      for (const client of clients) client.close();
      for (const stream of streams) stream.close();
      await server?.stop();
    });

    async function billWithArticle(): Promise<{ bill: Bill; articleId: string }> {
      const bill = await createBill(admin);
      return { bill, articleId: (await latestArticles(anonymous, bill.id))[0]!.articleId };
    }

    async function created<T>(response: Promise<{ status: number; body: T }>): Promise<T> {
      const answer = await response;
      if (answer.status !== 201 && answer.status !== 200) throw new Error(`request failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    }

    async function moderate(billId: string, action: 'hide' | 'restore', target: ModerationTarget, reason: string): Promise<void> {
      const response = await moderator.post(`/bills/${billId}/moderation/${action}`, { target, reason });
      if (response.status !== 201) throw new Error(`${action} failed: ${response.status} ${JSON.stringify(response.body)}`);
    }

    const verify = async (billId: string) => (await anonymous.get<LedgerVerification>(`/bills/${billId}/events/verify`)).body;
    const storedPayload = async (billId: string, seq: number) =>
      (await server.app.storage.db.select().from(events).where(and(eq(events.billId, billId), eq(events.seq, seq))))[0];

    it('LEDGER6 a hidden annotation’s text is withheld from the public listing with the public reason; entries, hashes and chain stay; restoring shows it again', async () => {
      const { bill, articleId } = await billWithArticle();
      const annotation = await created(author.post<AnnotationThread>(`/bills/${bill.id}/annotations`, { anchor: quoteAnchor(articleId, 'Premier'), body: 'Texte injurieux initial' }));
      const reply = await created(replier.post<AnnotationThread>(`/bills/${bill.id}/annotations/${annotation.id}/replies`, { body: 'Une réponse correcte' }));
      await created(patch(author, `/bills/${bill.id}/annotations/${annotation.id}`, { body: 'Texte injurieux corrigé' }));
      const before = await ledgerOf(anonymous, bill.id);
      const ofAnnotation = (entries: LedgerEvent[]) => entries.filter((entry) => entry.payload.annotationId === annotation.id && entry.type !== 'annotation.replied');
      expect(ofAnnotation(before).map((entry) => entry.type)).toEqual(['annotation.created', 'annotation.edited']);
      expect(before.every((entry) => entry.redacted === undefined)).toBe(true);

      const target = { type: 'annotation', id: annotation.id } as const;
      await moderate(bill.id, 'hide', target, 'Propos injurieux');
      const hidden = await ledgerOf(anonymous, bill.id);
      expect(hidden.slice(0, before.length).map(identity)).toEqual(before.map(identity));
      expect(JSON.stringify(hidden)).not.toContain('injurieux initial');
      expect(JSON.stringify(hidden)).not.toContain('injurieux corrigé');
      const [createdEntry, editedEntry] = ofAnnotation(hidden);
      // The marker says what the contribution's tombstone says.
      const { tombstone } = (await anonymous.get<AnnotationThread>(`/bills/${bill.id}/annotations/${annotation.id}`)).body;
      expect(tombstone).toMatchObject({ reason: 'Propos injurieux' });
      for (const entry of [createdEntry, editedEntry]) {
        expect(entry?.payload.body).toBeNull();
        expect(entry?.redacted).toEqual({ target, fields: ['body'], ...tombstone });
      }
      // Only the text goes: the anchor quotes the bill's own words and stays.
      expect(createdEntry?.payload).toEqual({ ...ofAnnotation(before)[0]?.payload, body: null });
      // The reply is another contribution, still visible; the moderation entry states its public reason.
      expect(hidden.find((entry) => entry.type === 'annotation.replied')).toMatchObject({ payload: { annotationId: reply.id, body: 'Une réponse correcte' } });
      expect(hidden.find((entry) => entry.type === 'annotation.replied')?.redacted).toBeUndefined();
      expect(hidden.at(-1)).toMatchObject({ type: 'moderation.hidden', payload: { target, reason: 'Propos injurieux' } });
      expect(hidden.at(-1)?.redacted).toBeUndefined();

      // The stored entries keep the text and their hashes: the chain verifies.
      const stored = await storedPayload(bill.id, createdEntry!.seq);
      expect(stored?.payload).toMatchObject({ body: 'Texte injurieux initial' });
      expect(hashEntry(stored!)).toBe(createdEntry?.hash);
      expect(await verify(bill.id)).toEqual({ ok: true, count: hidden.length, head: hidden.at(-1)?.hash });

      // `last` reads through the same redaction.
      const last = (await anonymous.get<LedgerPage>(`/bills/${bill.id}/events?last=${hidden.length}`)).body.events;
      expect(last).toEqual(hidden);

      await moderate(bill.id, 'restore', target, 'Admissible après relecture');
      const restored = await ledgerOf(anonymous, bill.id);
      expect(restored.slice(0, before.length)).toEqual(before);
      expect(await verify(bill.id)).toMatchObject({ ok: true, count: restored.length });
    });

    it('LEDGER6 deposited amendments, arguments, sources and questions are withheld while hidden, each with its own text fields', async () => {
      const { bill, articleId } = await billWithArticle();
      const article = { type: 'article', id: articleId };
      const amendment = await depositedAmendment(author, bill.id, articleId, 'Dispositif caché');
      const argument = await created(author.post<Argument>(`/bills/${bill.id}/arguments`, { target: article, side: 'pour', body: 'Argument caché' }));
      await created(patch(author, `/bills/${bill.id}/arguments/${argument.id}`, { body: 'Argument caché, révisé' }));
      const source = await created(
        author.post<Source>(`/bills/${bill.id}/sources`, { target: article, title: 'Titre caché', url: 'https://example.org/cache', description: 'Description cachée' }),
      );
      const question = await created(author.post<Question>(`/bills/${bill.id}/questions`, { articleId, body: 'Question cachée ?' }));
      const kept = await created(author.post<Question>(`/bills/${bill.id}/questions`, { articleId, body: 'Question visible ?' }));

      const hides: Array<[ModerationTarget, string[], string[]]> = [
        [{ type: 'amendment', id: amendment.id }, ['amendment.deposited'], ['text', 'expose']],
        [{ type: 'argument', id: argument.id }, ['argument.created', 'argument.edited'], ['body']],
        [{ type: 'source', id: source.id }, ['source.added'], ['title', 'url', 'description']],
        [{ type: 'question', id: question.id }, ['question.asked'], ['body']],
      ];
      for (const [target] of hides) await moderate(bill.id, 'hide', target, `Masqué : ${target.type}`);

      const listed = await ledgerOf(anonymous, bill.id);
      expect(JSON.stringify(listed)).not.toMatch(/caché|cachée|example\.org\/cache/i);
      const idField = { amendment: 'amendmentId', argument: 'argumentId', source: 'sourceId', question: 'questionId' } as const;
      for (const [target, types, fields] of hides) {
        const entries = listed.filter((entry) => types.includes(entry.type) && entry.payload[idField[target.type as keyof typeof idField]] === target.id);
        expect(entries.map((entry) => entry.type)).toEqual(types);
        for (const entry of entries) {
          expect(entry.redacted).toEqual({ target, fields, reason: `Masqué : ${target.type}`, hiddenAt: entry.redacted?.hiddenAt });
          expect(Date.parse(entry.redacted?.hiddenAt ?? '')).not.toBeNaN();
          for (const field of fields) expect(entry.payload[field]).toBeNull();
        }
      }
      // Entries without the contribution's text are listed whole, and so are other contributions.
      expect(listed.find((entry) => entry.type === 'amendment.drafted' && entry.payload.amendmentId === amendment.id)?.redacted).toBeUndefined();
      expect(listed.find((entry) => entry.type === 'question.asked' && entry.payload.questionId === kept.id)).toMatchObject({ payload: { body: 'Question visible ?' } });
      expect(await verify(bill.id)).toEqual({ ok: true, count: listed.length, head: listed.at(-1)?.hash });
    });

    it('LEDGER6 the live stream replays hidden content redacted, with the same marker; what went out live before the hide went out whole', async () => {
      const { bill, articleId } = await billWithArticle();
      const live = await LiveClient.connect(server.url);
      clients.push(live);
      expect(await live.subscribe(bill.id)).toMatchObject({ ok: true });
      const annotation = await created(author.post<AnnotationThread>(`/bills/${bill.id}/annotations`, { anchor: quoteAnchor(articleId, 'Premier'), body: 'Dit en direct' }));
      await waitFor(() => expect(live.entries(bill.id).map((entry) => entry.type)).toContain('annotation.created'));
      expect(live.entries(bill.id).find((entry) => entry.type === 'annotation.created')).toMatchObject({ data: { body: 'Dit en direct' } });

      const target = { type: 'annotation', id: annotation.id } as const;
      await moderate(bill.id, 'hide', target, 'Hors sujet');
      const listed = await ledgerOf(anonymous, bill.id);
      const createdEntry = listed.find((entry) => entry.type === 'annotation.created');
      const marker = { target, fields: ['body'], reason: 'Hors sujet', hiddenAt: createdEntry?.redacted?.hiddenAt };
      expect(createdEntry?.redacted).toEqual(marker);

      // A client catching up from the start (socket.io, then SSE) reads the ledger: redacted as the listing is.
      const replay = await LiveClient.connect(server.url);
      clients.push(replay);
      expect(await replay.subscribe(bill.id, 0)).toMatchObject({ ok: true });
      await waitFor(() => expect(replay.seqs(bill.id)).toEqual(listed.map((entry) => entry.seq)));
      const replayed = replay.entries(bill.id).find((entry) => entry.type === 'annotation.created');
      expect(replayed).toMatchObject({ seq: createdEntry?.seq, id: createdEntry?.id, data: { annotationId: annotation.id, body: null }, redacted: marker });
      expect(JSON.stringify(replay.messages)).not.toContain('Dit en direct');

      const sse = await SseClient.open(server.url, bill.id, { after: 0 });
      streams.push(sse);
      await waitFor(() => expect(sse.seqs()).toEqual(listed.map((entry) => entry.seq)));
      const messages = sse.messages();
      expect(messages.find((message) => message.event.type === 'annotation.created')?.event).toMatchObject({ data: { body: null }, redacted: marker });
      expect(JSON.stringify(messages)).not.toContain('Dit en direct');

      // Restored: a new replay shows the text again, without a marker.
      await moderate(bill.id, 'restore', target, 'Dans le sujet, finalement');
      const again = await LiveClient.connect(server.url);
      clients.push(again);
      expect(await again.subscribe(bill.id, 0)).toMatchObject({ ok: true });
      await waitFor(() => expect(again.seqs(bill.id)).toHaveLength(listed.length + 1));
      const shown = again.entries(bill.id).find((entry) => entry.type === 'annotation.created');
      expect(shown).toMatchObject({ data: { body: 'Dit en direct' } });
      expect(shown?.redacted).toBeUndefined();
    });
  });
}
