/**
 * The live official text of bills, as use cases see it: the `bill:<id>` collaborative document (server/collab
 * implements this port). Reading gives the document as this node holds it, i.e. committed state only; editing goes
 * through the same commit-before-broadcast path as a rapporteur's keystrokes.
 */
import type * as Y from 'yjs';

/** Whose words a server-side edit writes: an adopted amendment, applied by the rapporteur who decided it (if known). */
export interface EditAuthor {
  kind: 'amendment';
  id: string;
  actorId: string | null;
}

/** The port to bills' live documents. */
export interface BillTexts {
  /** Runs `use` on the bill's current document (loaded from the store if needed); `use` must not keep the document. */
  read<T>(billId: string, use: (doc: Y.Doc) => T): Promise<T>;
  /**
   * Applies `change` to the bill's document as a server-side edit: committed before anyone sees it, then
   * broadcast. Resolves with the id of the commit that stored it (0 when `change` changed nothing). With `author`,
   * the words it writes are recorded as theirs (blame).
   */
  edit(billId: string, change: (doc: Y.Doc) => void, author?: EditAuthor): Promise<{ commitId: number }>;
  /** Calls `listener` after edits of a bill's text are committed on this node (keystrokes and server edits alike). */
  onChanged(listener: (billId: string) => void): () => void;
}
