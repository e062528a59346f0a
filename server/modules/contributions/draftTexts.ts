/**
 * The port to amendments' live documents (`amendment:<id>`, shape in shared/collab/amendmentDocument.ts), which
 * server/collab implements: while a draft, its co-authors write it there together, so its current wording is read
 * from there; the REST edit of a draft writes there too, so both ways of writing stay one text.
 */
import type { DraftContent } from '../../../shared/collab/amendmentDocument.ts';

export interface DraftTexts {
  /** The draft's current texts (its document is seeded from the stored row when first opened). */
  read(amendmentId: string): Promise<DraftContent>;
  /** Rewrites the given texts as a server-side edit (committed before anyone sees it). */
  write(amendmentId: string, content: Partial<DraftContent>): Promise<void>;
  /** The draft is no longer one (deposited, withdrawn): its writers' sockets, on every node, reconnect read-only. */
  seal(amendmentId: string): Promise<void>;
}
