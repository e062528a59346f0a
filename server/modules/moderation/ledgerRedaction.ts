/**
 * Hidden content in the public ledger (LEDGER6): an entry that carries the text of a contribution a moderator has
 * hidden is read with that text withheld and a `redacted` marker giving the public reason, as the contribution itself
 * reads as a tombstone. This is done each time entries are read, never by changing them: the stored row and its hash
 * stay, the chain still verifies, and restoring the contribution shows the text again.
 */
import type { LedgerEvent } from '../../../shared/api/ledger.ts';
import type { ModerationTarget, ModerationTargetType } from '../../../shared/api/moderation.ts';
import type { Database } from '../../storage/database.ts';
import { hiddenTargets, targetKey } from './targets.ts';

/** Where an entry type keeps its contribution's id, and which payload fields are that contribution's own text. */
interface TextEntry {
  type: ModerationTargetType;
  idField: string;
  textFields: readonly string[];
}

/**
 * Every entry type whose payload carries a hideable contribution's text, as the modules record them. A new entry type
 * with such text belongs here. (Anchors quote the bill's official text, not the contributor's: they stay.)
 */
const textEntries: Record<string, TextEntry> = {
  'annotation.created': { type: 'annotation', idField: 'annotationId', textFields: ['body'] },
  'annotation.replied': { type: 'annotation', idField: 'annotationId', textFields: ['body'] },
  'annotation.edited': { type: 'annotation', idField: 'annotationId', textFields: ['body'] },
  'amendment.deposited': { type: 'amendment', idField: 'amendmentId', textFields: ['text', 'expose'] },
  // A sous-amendement's adoption rewrites its parent's dispositif: the text is the parent's from then on.
  'amendment.edited': { type: 'amendment', idField: 'amendmentId', textFields: ['text'] },
  'argument.created': { type: 'argument', idField: 'argumentId', textFields: ['body'] },
  'argument.edited': { type: 'argument', idField: 'argumentId', textFields: ['body'] },
  'source.added': { type: 'source', idField: 'sourceId', textFields: ['title', 'url', 'description'] },
  'question.asked': { type: 'question', idField: 'questionId', textFields: ['body'] },
};

/** The contribution whose text the entry carries, and the text fields present in its payload; null for any other entry. */
function textOf(entry: LedgerEvent): { target: ModerationTarget; fields: string[] } | null {
  const spec = textEntries[entry.type];
  if (spec === undefined) return null;
  const id = entry.payload[spec.idField];
  const fields = spec.textFields.filter((field) => entry.payload[field] !== undefined && entry.payload[field] !== null);
  if (typeof id !== 'string' || fields.length === 0) return null;
  return { target: { type: spec.type, id }, fields };
}

/**
 * The entries as the public may read them: those carrying the text of a contribution hidden now get that text set to
 * null and a `redacted` marker; the others are returned as they are. One query per kind of contribution involved.
 */
export async function redactHiddenContent(db: Database, entries: readonly LedgerEvent[]): Promise<LedgerEvent[]> {
  const texts = entries.map(textOf);
  const targets = texts.flatMap((text) => (text === null ? [] : [text.target]));
  if (targets.length === 0) return [...entries];
  const hidden = await hiddenTargets(db, targets);
  return entries.map((entry, index) => {
    const text = texts[index];
    const row = text ? hidden.get(targetKey(text.target)) : undefined;
    if (!text || row === undefined) return entry;
    const withheld = Object.fromEntries(text.fields.map((field) => [field, null]));
    return {
      ...entry,
      payload: { ...entry.payload, ...withheld },
      redacted: { target: text.target, fields: text.fields, reason: row.hiddenReason ?? '', hiddenAt: row.hiddenAt.toISOString() },
    };
  });
}
