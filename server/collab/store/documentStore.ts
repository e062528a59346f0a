/**
 * The durable store of collaborative Yjs documents: an append-only log of updates per document plus a compacted
 * snapshot. The collaboration server commits each update here before broadcasting it, so an acknowledged edit
 * survives a crash.
 */

/** A document as stored: apply the snapshot, then every update, to rebuild it. */
export interface StoredDocument {
  /** A Yjs update encoding every compacted update, or null before the first compaction. */
  snapshot: Uint8Array | null;
  /** The updates not folded into the snapshot, in id order (Yjs applies them in any order anyway). */
  updates: Uint8Array[];
  /** id of the last update included, 0 if none */
  lastUpdateId: number;
}

/** Who owns a Yjs client id of a document: a user (a writer's socket), or an amendment applied by the server. */
export interface ClientAuthor {
  kind: 'user' | 'amendment';
  /** The user's or the amendment's id. */
  id: string;
  /** Who made the edit when it is not the author (the rapporteur who adopted the amendment), else null. */
  actorId: string | null;
}

/** A client id of the document and its owner, recorded with the commit of its first update. */
export interface ClientAuthorRecord extends ClientAuthor {
  clientId: number;
}

/** Where collaborative documents live; one implementation per engine, all held to documentStore.contract.ts. */
export interface DocumentStore {
  /**
   * Durably appends updates in order, in one transaction; resolves once committed. Refuses empty arrays/zero-length
   * updates. `authors` are recorded in the same transaction, each client id only if it has no owner yet.
   */
  appendUpdates(docName: string, updates: Uint8Array[], authors?: readonly ClientAuthorRecord[]): Promise<{ lastUpdateId: number }>;
  /** The recorded owner of each client id that wrote into the document. */
  authors(docName: string): Promise<Map<number, ClientAuthor>>;
  /** Snapshot plus the updates after it, in order. */
  load(docName: string): Promise<StoredDocument>;
  /** Folds the snapshot and every update up to now into a new snapshot and deletes those updates, atomically; concurrent appends are never lost. */
  compact(docName: string): Promise<{ folded: number }>;
  /** Stores `update` as the document's first content unless it has some already (two nodes seeding at once seed once); true when stored. */
  initialize(docName: string, update: Uint8Array): Promise<boolean>;
  /** Id of the newest stored update (0 if none): a node that has applied less knows it missed something. */
  headUpdateId(docName: string): Promise<number>;
  /** Number of updates not yet folded, to decide when to compact. */
  pendingUpdates(docName: string): Promise<number>;
}

/** Thrown for a call the store refuses before touching the database (empty batch, zero-length update). */
export class InvalidDocumentUpdateError extends Error {
  override readonly name = 'InvalidDocumentUpdateError';
}

/** Checks a batch before any write, so a refused batch stores nothing. */
export function assertValidBatch(docName: string, updates: readonly Uint8Array[]): void {
  if (docName.length === 0) throw new InvalidDocumentUpdateError('a document needs a name');
  if (updates.length === 0) throw new InvalidDocumentUpdateError(`empty batch for ${docName}`);
  updates.forEach((update, index) => {
    if (!(update instanceof Uint8Array)) throw new InvalidDocumentUpdateError(`update ${index} of ${docName} is not bytes`);
    if (update.byteLength === 0) throw new InvalidDocumentUpdateError(`update ${index} of ${docName} is empty`);
  });
}
