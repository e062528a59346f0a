/** What the deliberation modules' routes and use cases are built with. */
import type { Database } from '../../storage/database.ts';
import type { DraftTexts } from './draftTexts.ts';
import type { BillTexts } from '../bills/index.ts';
import type { EntriesPublished } from '../ledger/index.ts';

export interface DeliberationDeps {
  db: Database;
  /** Tells the live stream about committed ledger entries (recordChange calls it). */
  published: EntriesPublished;
  /** The bills' live official texts (anchors, diffs, adoption). */
  texts: BillTexts;
  /** Amendment drafts' live documents. */
  drafts: DraftTexts;
}
