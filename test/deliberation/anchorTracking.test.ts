import { eq } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Anchor } from '../../shared/anchors/index.ts';
import type { Amendment } from '../../shared/api/amendments.ts';
import type { AnnotationThread } from '../../shared/api/annotations.ts';
import { amendments, annotations } from '../../server/storage/schema.ts';
import { signUp } from '../helpers/apiFixtures.ts';
import { synced, ticketFor, waitFor } from '../helpers/collabClients.ts';
import { ProviderPool, setupCollabBill } from '../helpers/collabEdits.ts';
import { entriesOfType, latestArticles, quoteAnchor } from '../helpers/deliberationFixtures.ts';
import { describeDeliberation } from '../helpers/deliberationSuite.ts';

function articleMaps(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>('articles');
}

// The fixture bill's article 2 reads "Unique alinéa de l’article 2.".
describeDeliberation('anchor tracking', {}, (suite) => {
  const pool = new ProviderPool();
  afterEach(() => pool.destroyAll());

  const stored = async (id: string) => {
    const [row] = await suite.server.app.storage.db.select({ status: annotations.anchorStatus, anchor: annotations.anchor }).from(annotations).where(eq(annotations.id, id));
    return row;
  };

  it('ANNOT3 stored anchor statuses of annotations and open amendments follow edits, and each change is in the ledger', async () => {
    const { server, admin, anonymous } = suite;
    const bill = await setupCollabBill(server.url, admin);
    const [, second] = await latestArticles(anonymous, bill.bill.id);
    const { client: citizen } = await signUp(server.url);
    const note = (await citizen.post<AnnotationThread>(`/bills/${bill.bill.id}/annotations`, { anchor: quoteAnchor(second!.articleId, 'alinéa de'), body: 'Note' })).body;
    const amendment = (
      await citizen.post<Amendment>(`/bills/${bill.bill.id}/amendments`, { kind: 'replace', anchor: quoteAnchor(second!.articleId, 'Unique'), text: 'Seul' })
    ).body;
    const writer = pool.connect(server.url, bill.document, (await ticketFor(bill.rapporteur, bill.document)).ticket);
    await synced(writer.provider);
    const text = articleMaps(writer.doc).get(1).get('text') as Y.Text;

    text.insert(text.toJSON().indexOf(' de'), ' premier');
    await waitFor(async () => expect((await stored(note.id))?.status).toBe('drifted'));
    text.delete(0, 'Unique '.length);
    await waitFor(async () => {
      const [row] = await server.app.storage.db.select({ status: amendments.anchorStatus }).from(amendments).where(eq(amendments.id, amendment.id));
      expect(row?.status).toBe('orphan');
    });
    const changes = (await entriesOfType(anonymous, bill.bill.id, 'anchors.updated')).flatMap((entry) => entry.payload.changes as { target: { id: string }; status: string }[]);
    expect(changes.map((change) => [change.target.id, change.status])).toEqual([
      [note.id, 'drifted'],
      [amendment.id, 'orphan'],
    ]);
  });

  it('ANNOT3 when an article is replaced by a copy (its positions no longer apply), its annotations are re-anchored on the same words', async () => {
    const { server, admin, anonymous } = suite;
    const bill = await setupCollabBill(server.url, admin);
    const [, second] = await latestArticles(anonymous, bill.bill.id);
    const { client: citizen } = await signUp(server.url);
    const note = (await citizen.post<AnnotationThread>(`/bills/${bill.bill.id}/annotations`, { anchor: quoteAnchor(second!.articleId, 'alinéa'), body: 'Note' })).body;
    const before = (await stored(note.id))?.anchor as Anchor;
    const writer = pool.connect(server.url, bill.document, (await ticketFor(bill.rapporteur, bill.document)).ticket);
    await synced(writer.provider);
    // A rapporteur's editor rebuilds article 2 from scratch: same words, brand-new Yjs items.
    writer.doc.transact(() => {
      const articles = articleMaps(writer.doc);
      const old = articles.get(1);
      const copy = new Y.Map<unknown>();
      for (const key of ['id', 'number', 'sectionKey', 'status']) copy.set(key, old.get(key));
      copy.set('text', new Y.Text('Unique alinéa de l’article 2, réécrit.'));
      articles.delete(1, 1);
      articles.insert(1, [copy]);
    });
    await waitFor(async () => expect((await stored(note.id))?.anchor).not.toEqual(before));
    const after = await stored(note.id);
    expect(after?.status).toBe('ok');
    expect((after?.anchor as Anchor).quote.exact).toBe('alinéa');
    const thread = await anonymous.get<AnnotationThread>(`/bills/${bill.bill.id}/annotations/${note.id}`);
    expect(thread.body.anchorStatus).toBe('ok');
    const [entry] = await entriesOfType(anonymous, bill.bill.id, 'anchors.updated');
    expect(entry?.payload.changes).toEqual([{ target: { type: 'annotation', id: note.id }, status: 'ok', previous: 'ok', reanchored: true }]);
  });
});
