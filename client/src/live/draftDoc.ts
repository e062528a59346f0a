/**
 * An amendment draft's live document, `amendment:<id>` (COLLAB11): its two root texts, the dispositif and the exposé
 * sommaire (shared/collab/amendmentDocument.ts), written together by its authors. Only its authors and invited users
 * can open it while it is a draft (the invited read only, until they accept: then a new ticket makes them writers).
 */
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { draftExposeKey, draftTextKey, readDraftDocument } from '../../../shared/collab/amendmentDocument.ts';
import { formatDocumentName } from '../../../shared/collab/documentName.ts';
import type { AmendmentId } from '../../../shared/ids.ts';
import { type Presence, readPresence } from './billDoc.ts';
import { frameBatchedState, openTicketedProvider } from './ticketedProvider.ts';

/** The connection's state as the draft page shows it. */
export interface DraftDocState {
  status: 'connecting' | 'connected' | 'disconnected';
  synced: boolean;
  access: 'read' | 'write';
  /** The dispositif as it reads now. */
  text: string;
  /** The exposé sommaire as it reads now. */
  expose: string;
  presence: Presence;
  fatal: number | null;
}

/** An open connection to a draft's document. */
export interface DraftDocConnection {
  /** The shared texts the editors bind to. */
  text: Y.Text;
  expose: Y.Text;
  provider: WebsocketProvider;
  state(): DraftDocState;
  subscribe(listener: (state: DraftDocState) => void): () => void;
  destroy(): void;
}

/** Connects to `amendment:<amendmentId>` with a ticket (a draft exists only for signed-in authors and invitees). */
export function connectDraftDoc(amendmentId: string): DraftDocConnection {
  const doc = new Y.Doc();
  const name = formatDocumentName({ kind: 'amendment', amendmentId: amendmentId as AmendmentId });
  const state = frameBatchedState<DraftDocState>({
    status: 'connecting',
    synced: false,
    access: 'read',
    text: '',
    expose: '',
    presence: { readers: 0, writers: [] },
    fatal: null,
  });
  const { provider, destroy } = openTicketedProvider(name, doc, {
    signedIn: true,
    onAccess: (access) => state.update({ access }),
    onFatal: (fatal) => state.update({ fatal, status: 'disconnected' }),
  });
  const text = doc.getText(draftTextKey);
  const expose = doc.getText(draftExposeKey);
  const readTexts = () => state.update(readDraftDocument(doc));

  text.observe(readTexts);
  expose.observe(readTexts);
  provider.on('status', ({ status }: { status: DraftDocState['status'] }) => state.update({ status }));
  provider.on('sync', (synced: boolean) => {
    state.update({ synced });
    readTexts();
  });
  provider.awareness.on('change', () => state.update({ presence: readPresence(provider) }));

  return {
    text,
    expose,
    provider,
    state: state.get,
    subscribe: state.subscribe,
    destroy() {
      state.destroy();
      destroy();
      doc.destroy();
    },
  };
}
