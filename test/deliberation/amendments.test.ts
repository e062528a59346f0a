import { expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { Amendment, Invitation } from '../../shared/api/amendments.ts';
import { sideOf } from '../../shared/text/wordDiff.ts';
import { expectProblem, signUp } from '../helpers/apiFixtures.ts';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { articleTexts, connectProvider, recordCloseCodes, synced, ticketFor, waitFor } from '../helpers/collabClients.ts';
import { entriesOfType, makeRapporteur, quoteAnchor } from '../helpers/deliberationFixtures.ts';
import { describeDeliberation } from '../helpers/deliberationSuite.ts';
import { ApiClient } from '../helpers/testServer.ts';

// The fixture bill: article 1er "Premier alinéa.\nSecond alinéa.", article 2 "Unique alinéa de l’article 2.".
describeDeliberation('amendments', {}, (suite) => {
  const base = (billId: string) => `/bills/${billId}/amendments`;
  async function draft(client: ApiClient, billId: string, body: object): Promise<Amendment> {
    const response = await client.post<Amendment>(base(billId), body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  }
  async function step(client: ApiClient, billId: string, id: string, action: string, body?: object): Promise<Amendment> {
    const response = await client.post<Amendment>(`${base(billId)}/${id}/${action}`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }

  it('AMEND1 AMEND2 a citizen drafts a replacement by quote; the server returns the word diff against the live text', async () => {
    const w = await suite.newWorld();
    const amendment = await draft(w.citizen, w.bill.id, {
      kind: 'replace',
      anchor: quoteAnchor(w.first, 'Second'),
      text: 'Deuxième',
      expose: 'Plus clair.',
    });
    expect(amendment).toMatchObject({ status: 'draft', kind: 'replace', origin: 'citizen', number: null, text: 'Deuxième', expose: 'Plus clair.' });
    expect(amendment.target).toMatchObject({ articleId: w.first, articleNumber: '1er', anchorStatus: 'ok' });
    expect(amendment.diff?.before).toBe('Premier alinéa.\nSecond alinéa.');
    expect(amendment.diff?.after).toBe('Premier alinéa.\nDeuxième alinéa.');
    expect(amendment.diff?.parts.filter((part) => part.op !== 'equal')).toEqual([
      { op: 'delete', text: 'Second' },
      { op: 'insert', text: 'Deuxième' },
    ]);
    expect(amendment.authors).toMatchObject([{ status: 'author', user: { kind: 'citizen' } }]);
  });

  it('AMEND1 an anchor that does not fit the text is refused (422 anchor_invalid) and nothing is stored', async () => {
    const { anonymous } = suite;
    const w = await suite.newWorld();
    expectProblem(await w.citizen.post(base(w.bill.id), { kind: 'replace', anchor: quoteAnchor(w.first, 'absent'), text: 'x' }), 422, 'anchor_invalid');
    expectProblem(await w.citizen.post(base(w.bill.id), { kind: 'insert', anchor: quoteAnchor(w.first, 'Second'), text: 'x' }), 422, 'anchor_invalid');
    expectProblem(await w.citizen.post(base(w.bill.id), { kind: 'replace', anchor: quoteAnchor(w.first, 'Second') }), 400, 'validation_failed');
    expectProblem(await anonymous.post(base(w.bill.id), { kind: 'delete', anchor: quoteAnchor(w.first, 'Second') }), 401, 'authentication_required');
    expect((await w.citizen.get<{ amendments: Amendment[] }>(`${base(w.bill.id)}?mine=true`)).body.amendments).toEqual([]);
  });

  it('AMEND3 a draft is visible to its authors only; depositing numbers it and makes it public', async () => {
    const { server, anonymous } = suite;
    const w = await suite.newWorld();
    const other = await signUp(server.url);
    const amendment = await draft(w.citizen, w.bill.id, { kind: 'delete', anchor: quoteAnchor(w.second, 'Unique ') });
    expectProblem(await anonymous.get(`${base(w.bill.id)}/${amendment.id}`), 404, 'amendment_not_found');
    expectProblem(await other.client.get(`${base(w.bill.id)}/${amendment.id}`), 404, 'amendment_not_found');
    expect((await anonymous.get<{ amendments: Amendment[] }>(base(w.bill.id))).body.amendments).toEqual([]);
    expectProblem(await other.client.post(`${base(w.bill.id)}/${amendment.id}/deposit`), 404, 'amendment_not_found');

    const deposited = await step(w.citizen, w.bill.id, amendment.id, 'deposit');
    expect(deposited).toMatchObject({ status: 'deposited', number: '1' });
    expect(deposited.depositedAt).not.toBeNull();
    expect((await anonymous.get<Amendment>(`${base(w.bill.id)}/${amendment.id}`)).body.status).toBe('deposited');
    const second = await draft(w.citizen, w.bill.id, { kind: 'rewrite_article', articleId: w.second, text: 'Nouvelle rédaction.' });
    expect((await step(w.citizen, w.bill.id, second.id, 'deposit')).number).toBe('2');
    const [entry] = await entriesOfType(anonymous, w.bill.id, 'amendment.deposited');
    expect(entry?.payload).toMatchObject({ amendmentId: amendment.id, number: '1', kind: 'delete' });
  });

  it('AMEND3 only authors edit, deposit and withdraw; only rapporteurs decide, on deposited amendments only', async () => {
    const { server, anonymous } = suite;
    const w = await suite.newWorld();
    const amendment = await draft(w.citizen, w.bill.id, { kind: 'replace', anchor: quoteAnchor(w.second, 'Unique'), text: 'Seul' });
    expectProblem(await w.rapporteur.post(`${base(w.bill.id)}/${amendment.id}/decision`, { outcome: 'adopted' }), 404, 'amendment_not_found');
    expect((await w.citizen.patch<Amendment>(`${base(w.bill.id)}/${amendment.id}`, { text: 'Le seul' })).body.text).toBe('Le seul');
    await step(w.citizen, w.bill.id, amendment.id, 'deposit');
    expectProblem(await w.citizen.patch(`${base(w.bill.id)}/${amendment.id}`, { text: 'trop tard' }), 409, 'invalid_transition');
    expectProblem(await w.citizen.post(`${base(w.bill.id)}/${amendment.id}/decision`, { outcome: 'adopted' }), 403, 'forbidden');
    const stranger = await signUp(server.url);
    expectProblem(await stranger.client.post(`${base(w.bill.id)}/${amendment.id}/withdraw`), 403, 'forbidden');
    expectProblem(await w.rapporteur.post(`${base(w.bill.id)}/${amendment.id}/decision`, { outcome: 'maybe' }), 400, 'validation_failed');

    const rejected = await step(w.rapporteur, w.bill.id, amendment.id, 'decision', { outcome: 'rejected' });
    expect(rejected).toMatchObject({ status: 'rejected', diff: { after: 'Le seul alinéa de l’article 2.' } });
    expectProblem(await w.rapporteur.post(`${base(w.bill.id)}/${amendment.id}/decision`, { outcome: 'adopted' }), 409, 'invalid_transition');
    expectProblem(await w.citizen.post(`${base(w.bill.id)}/${amendment.id}/withdraw`), 409, 'invalid_transition');

    const withdrawn = await draft(w.citizen, w.bill.id, { kind: 'delete', anchor: quoteAnchor(w.first, 'Premier ') });
    await step(w.citizen, w.bill.id, withdrawn.id, 'deposit');
    expect((await step(w.citizen, w.bill.id, withdrawn.id, 'withdraw')).status).toBe('withdrawn');
    expect((await entriesOfType(anonymous, w.bill.id, 'amendment.outcome', 'amendment.withdrawn')).map((e) => e.type)).toEqual(['amendment.outcome', 'amendment.withdrawn']);
  });

  it('AMEND4 co-authors join only by invitation, then write the draft with its author', async () => {
    const { server } = suite;
    const w = await suite.newWorld();
    const coauthor = await signUp(server.url);
    const amendment = await draft(w.citizen, w.bill.id, { kind: 'insert', anchor: quoteAnchor(w.first, '', { suffix: 'Premier alinéa.' }), text: 'Désormais, ' });
    // Not invited: the draft does not even exist for them.
    expectProblem(await coauthor.client.post(`${base(w.bill.id)}/${amendment.id}/invitations/accept`), 404, 'amendment_not_found');
    expectProblem(await coauthor.client.post(`${base(w.bill.id)}/${amendment.id}/invitations`, { userId: coauthor.me.id }), 404, 'amendment_not_found');
    const invited = await w.citizen.post<Amendment>(`${base(w.bill.id)}/${amendment.id}/invitations`, { userId: coauthor.me.id });
    expect(invited.body.authors.map((a) => a.status)).toEqual(['author', 'invited']);
    // Invited is not yet an author.
    expectProblem(await coauthor.client.patch(`${base(w.bill.id)}/${amendment.id}`, { text: 'x' }), 403, 'forbidden');
    const accepted = await step(coauthor.client, w.bill.id, amendment.id, 'invitations/accept');
    expect(accepted.authors.map((a) => [a.user.id, a.status])).toEqual([
      [w.citizenId, 'author'],
      [coauthor.me.id, 'coauthor'],
    ]);
    expect((await coauthor.client.patch<Amendment>(`${base(w.bill.id)}/${amendment.id}`, { text: 'Dorénavant, ' })).status).toBe(200);
    // On a deposited amendment, someone never invited cannot make themselves co-author either.
    await step(coauthor.client, w.bill.id, amendment.id, 'deposit');
    const stranger = await signUp(server.url);
    expectProblem(await stranger.client.post(`${base(w.bill.id)}/${amendment.id}/invitations/accept`), 403, 'forbidden');
  });

  it('AMEND4 the invited user lists their own pending invitations (GET /users/me/invitations) until they accept', async () => {
    const { server, anonymous } = suite;
    const w = await suite.newWorld();
    const invitee = await signUp(server.url);
    const bystander = await signUp(server.url);
    const amendment = await draft(w.citizen, w.bill.id, { kind: 'rewrite_article', articleId: w.second, text: 'Nouvelle rédaction.' });
    const other = await draft(w.citizen, w.bill.id, { kind: 'delete_article', articleId: w.first });
    await w.citizen.post(`${base(w.bill.id)}/${amendment.id}/invitations`, { userId: invitee.me.id });
    await w.citizen.post(`${base(w.bill.id)}/${other.id}/invitations`, { userId: invitee.me.id });
    // An invitation to an amendment withdrawn since cannot be accepted any more, so it is not listed.
    await step(w.citizen, w.bill.id, other.id, 'withdraw');

    const listed = await invitee.client.get<{ invitations: Invitation[] }>('/users/me/invitations');
    expect(listed.status).toBe(200);
    expect(listed.body.invitations).toEqual([
      {
        amendmentId: amendment.id,
        billId: w.bill.id,
        billTitle: w.bill.shortTitle,
        status: 'draft',
        kind: 'rewrite_article',
        number: null,
        articleNumber: '2',
        invitedBy: expect.objectContaining({ id: w.citizenId, kind: 'citizen' }) as unknown,
        invitedAt: expect.any(String) as unknown,
      },
    ]);
    // Nobody else's invitations, and none for anonymous callers.
    expect((await bystander.client.get<{ invitations: Invitation[] }>('/users/me/invitations')).body.invitations).toEqual([]);
    expect((await w.citizen.get<{ invitations: Invitation[] }>('/users/me/invitations')).body.invitations).toEqual([]);
    expectProblem(await anonymous.get('/users/me/invitations'), 401, 'authentication_required');

    await step(invitee.client, w.bill.id, amendment.id, 'invitations/accept');
    expect((await invitee.client.get<{ invitations: Invitation[] }>('/users/me/invitations')).body.invitations).toEqual([]);
  });

  it('AMEND4 co-authors write a draft together live in amendment:<id>; depositing takes that wording and ends their writing', async () => {
    const { server } = suite;
    const w = await suite.newWorld();
    const coauthor = await signUp(server.url);
    const amendment = await draft(w.citizen, w.bill.id, { kind: 'replace', anchor: quoteAnchor(w.second, 'Unique'), text: 'Seul', expose: 'Pourquoi' });
    const document = `amendment:${amendment.id}`;
    // Nobody else even learns the draft exists.
    expectProblem(await coauthor.client.post('/collab/tickets', { document }), 404, 'document_not_found');
    await w.citizen.post(`${base(w.bill.id)}/${amendment.id}/invitations`, { userId: coauthor.me.id });
    await step(coauthor.client, w.bill.id, amendment.id, 'invitations/accept');
    const mine = connectProvider(server.url, document, (await ticketFor(w.citizen, document)).ticket);
    const theirs = connectProvider(server.url, document, (await ticketFor(coauthor.client, document)).ticket);
    await Promise.all([synced(mine.provider), synced(theirs.provider)]);
    expect(mine.doc.getText('text').toJSON()).toBe('Seul');
    const closes = recordCloseCodes(theirs.provider);
    theirs.doc.getText('text').insert(4, ' et unique');
    mine.doc.getText('expose').insert(0, 'Voici ');
    await waitFor(() => expect(mine.doc.getText('text').toJSON()).toBe('Seul et unique'));
    await waitFor(async () => expect((await w.citizen.get<Amendment>(`${base(w.bill.id)}/${amendment.id}`)).body).toMatchObject({ text: 'Seul et unique', expose: 'Voici Pourquoi' }));
    // A REST edit lands in the same live text.
    await w.citizen.patch(`${base(w.bill.id)}/${amendment.id}`, { text: 'Seul et vraiment unique' });
    await waitFor(() => expect(theirs.doc.getText('text').toJSON()).toBe('Seul et vraiment unique'));

    const deposited = await step(w.citizen, w.bill.id, amendment.id, 'deposit');
    expect(deposited).toMatchObject({ text: 'Seul et vraiment unique', expose: 'Voici Pourquoi' });
    expect(deposited.diff?.after).toBe('Seul et vraiment unique alinéa de l’article 2.');
    await waitFor(() => expect(closes).toContain(CloseCode.permissionsChanged));
    // Public now, and read-only for everyone.
    expect((await ticketFor(coauthor.client, document)).access).toBe('read');
    expect((await ticketFor(new ApiClient(server.url), document)).access).toBe('read');
    mine.provider.destroy();
    theirs.provider.destroy();
  });

  it('AMEND5 adopting changes the live text exactly as the diff said, for a reader connected to it', async () => {
    const { server, anonymous } = suite;
    const w = await suite.newWorld();
    const reader = connectProvider(server.url, `bill:${w.bill.id}`);
    await synced(reader.provider);
    const amendment = await draft(w.citizen, w.bill.id, { kind: 'replace', anchor: quoteAnchor(w.first, 'Second alinéa'), text: 'Deuxième et dernier alinéa' });
    await step(w.citizen, w.bill.id, amendment.id, 'deposit');
    const adopted = await step(w.rapporteur, w.bill.id, amendment.id, 'decision', { outcome: 'adopted' });
    expect(adopted.status).toBe('adopted');
    expect(adopted.appliedCommitId).toBeGreaterThan(0);
    const expected = sideOf(adopted.diff?.parts ?? [], 'after');
    expect(expected).toBe('Premier alinéa.\nDeuxième et dernier alinéa.');
    await waitFor(() => expect(articleTexts(reader.doc)[0]).toBe(expected));
    const types = (await entriesOfType(anonymous, w.bill.id, 'amendment.outcome', 'amendment.applied')).map((e) => e.type);
    expect(types).toEqual(['amendment.outcome', 'amendment.applied']);
    reader.provider.destroy();
  });

  it('AMEND5 adopting a new article inserts it after its predecessor; deleting an article empties it', async () => {
    const { server } = suite;
    const w = await suite.newWorld();
    const reader = connectProvider(server.url, `bill:${w.bill.id}`);
    await synced(reader.provider);
    const added = await draft(w.citizen, w.bill.id, { kind: 'add_article', afterArticleId: w.first, number: '1er bis', text: 'Un article nouveau.' });
    await step(w.citizen, w.bill.id, added.id, 'deposit');
    await step(w.rapporteur, w.bill.id, added.id, 'decision', { outcome: 'adopted' });
    await waitFor(() => expect(articleTexts(reader.doc)).toEqual(['Premier alinéa.\nSecond alinéa.', 'Un article nouveau.', 'Unique alinéa de l’article 2.']));
    const numbers = reader.doc.getArray<Y.Map<unknown>>('articles').map((map) => map.get('number'));
    expect(numbers).toEqual(['1er', '1er bis', '2']);
    const removed = await draft(w.citizen, w.bill.id, { kind: 'delete_article', articleId: w.second });
    await step(w.citizen, w.bill.id, removed.id, 'deposit');
    await step(w.rapporteur, w.bill.id, removed.id, 'decision', { outcome: 'adopted' });
    await waitFor(() => expect(articleTexts(reader.doc)[2]).toBe(''));
    reader.provider.destroy();
  });

  it('AMEND6 overlapping amendments are listed as collisions; adopting one fells those whose words are gone and flags the others', async () => {
    const { anonymous } = suite;
    const w = await suite.newWorld();
    const winner = await draft(w.citizen, w.bill.id, { kind: 'replace', anchor: quoteAnchor(w.first, 'Second'), text: 'Deuxième' });
    const gone = await draft(w.citizen, w.bill.id, { kind: 'delete', anchor: quoteAnchor(w.first, 'Second') });
    const changed = await draft(w.citizen, w.bill.id, { kind: 'replace', anchor: quoteAnchor(w.first, 'Second alinéa.'), text: 'Dernier alinéa.' });
    const elsewhere = await draft(w.citizen, w.bill.id, { kind: 'replace', anchor: quoteAnchor(w.second, 'Unique'), text: 'Seul' });
    // While drafting, the draft already shows what it would collide with among deposited amendments.
    for (const amendment of [gone, changed, elsewhere]) await step(w.citizen, w.bill.id, amendment.id, 'deposit');
    const fresh = await w.citizen.get<Amendment>(`${base(w.bill.id)}/${winner.id}`);
    expect(fresh.body.collisions.map((c) => c.id).sort()).toEqual([gone.id, changed.id].sort());
    await step(w.citizen, w.bill.id, winner.id, 'deposit');
    const listed = (await anonymous.get<{ amendments: Amendment[] }>(base(w.bill.id))).body.amendments;
    expect(listed.find((a) => a.id === elsewhere.id)?.collisions).toEqual([]);
    expect(listed.find((a) => a.id === gone.id)?.collisions.map((c) => c.id).sort()).toEqual([winner.id, changed.id].sort());

    await step(w.rapporteur, w.bill.id, winner.id, 'decision', { outcome: 'adopted' });
    const after = new Map((await anonymous.get<{ amendments: Amendment[] }>(base(w.bill.id))).body.amendments.map((a) => [a.id, a]));
    expect(after.get(gone.id)).toMatchObject({ status: 'fallen' });
    expect(after.get(changed.id)).toMatchObject({ status: 'deposited', needsRebase: true });
    expect(after.get(elsewhere.id)).toMatchObject({ status: 'deposited', needsRebase: false });
    const fallen = await entriesOfType(anonymous, w.bill.id, 'amendment.outcome');
    expect(fallen.at(-1)?.payload).toMatchObject({ amendmentId: gone.id, outcome: 'fallen', reason: 'collision', adopted: winner.id });
  });

  it('AMEND2 a sous-amendement shows two layers and, adopted, rewrites its parent’s dispositif', async () => {
    const { server, admin, anonymous } = suite;
    const w = await suite.newWorld();
    const parent = await draft(w.citizen, w.bill.id, { kind: 'replace', anchor: quoteAnchor(w.second, 'Unique alinéa'), text: 'Seul alinéa' });
    await step(w.citizen, w.bill.id, parent.id, 'deposit');
    const depute = await makeRapporteur(server.url, admin, w.bill.id);
    const sub = await draft(depute.client, w.bill.id, { kind: 'sub_amendment', parentId: parent.id, text: 'Seul et unique alinéa', groupCode: 'SOC' });
    expect(sub).toMatchObject({ origin: 'group', groupCode: 'SOC', parentId: parent.id });
    expect(sub.parentDiff?.after).toBe('Seul alinéa de l’article 2.');
    expect(sub.diff).toMatchObject({ before: 'Seul alinéa', after: 'Seul et unique alinéa' });
    await step(depute.client, w.bill.id, sub.id, 'deposit');
    await step(w.rapporteur, w.bill.id, sub.id, 'decision', { outcome: 'adopted' });
    const updated = await anonymous.get<Amendment>(`${base(w.bill.id)}/${parent.id}`);
    expect(updated.body).toMatchObject({ status: 'deposited', text: 'Seul et unique alinéa' });
    expect(updated.body.diff?.after).toBe('Seul et unique alinéa de l’article 2.');
    expectProblem(await w.citizen.post(base(w.bill.id), { kind: 'sub_amendment', parentId: parent.id, text: 'x', groupCode: 'LR' }), 403, 'forbidden');
  });
});
