/**
 * A word-level diff (shared/text/wordDiff.ts, the same one the server computes). Insertions and deletions are
 * `<ins>`/`<del>` with a text alternative: screen readers hear "inséré : « … »" and "supprimé : « … »", since most
 * of them do not announce the elements themselves. Long unchanged stretches can be shortened to their edges.
 * Inline (one text, both changes) or side by side (before with its deletions, after with its insertions).
 */
import type { DiffPart } from '../../../shared/text/wordDiff.ts';
import { useT } from '../i18n/i18n.ts';
import { VisuallyHidden } from '../ui/VisuallyHidden.tsx';

/** Shortens unchanged text to `context` characters around each change. */
export function trimParts(parts: readonly DiffPart[], context: number): DiffPart[] {
  return parts.map((part, index) => {
    if (part.op !== 'equal' || part.text.length <= context * 2 + 1) return part;
    const first = index === 0;
    const last = index === parts.length - 1;
    if (first && last) return part;
    if (first) return { op: 'equal', text: `…${part.text.slice(-context)}` };
    if (last) return { op: 'equal', text: `${part.text.slice(0, context)}…` };
    return { op: 'equal', text: `${part.text.slice(0, context)} … ${part.text.slice(-context)}` };
  });
}

/** How many words were inserted and deleted. */
export function diffCounts(parts: readonly DiffPart[]): { inserted: number; deleted: number } {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  let inserted = 0;
  let deleted = 0;
  for (const part of parts) {
    if (part.op === 'insert') inserted += words(part.text);
    if (part.op === 'delete') deleted += words(part.text);
  }
  return { inserted, deleted };
}

/** How a diff is laid out: one text with both changes, or the text before and after side by side. */
export type DiffLayout = 'inline' | 'sideBySide';

function DiffParts({ parts }: { parts: readonly DiffPart[] }) {
  const t = useT();
  return (
    <>
      {parts.map((part, index) => {
        if (part.op === 'insert') {
          return (
            <ins key={index}>
              <VisuallyHidden>{t('diff.insertedStart')}</VisuallyHidden>
              {part.text}
              <VisuallyHidden>{t('diff.end')}</VisuallyHidden>
            </ins>
          );
        }
        if (part.op === 'delete') {
          return (
            <del key={index}>
              <VisuallyHidden>{t('diff.deletedStart')}</VisuallyHidden>
              {part.text}
              <VisuallyHidden>{t('diff.end')}</VisuallyHidden>
            </del>
          );
        }
        return <span key={index}>{part.text}</span>;
      })}
    </>
  );
}

function SideBySide({ parts }: { parts: readonly DiffPart[] }) {
  const t = useT();
  const before = parts.filter((part) => part.op !== 'insert');
  const after = parts.filter((part) => part.op !== 'delete');
  const side = (title: string, shown: DiffPart[]) => (
    <div class="diff-side">
      <p class="diff-side-title">{title}</p>
      <p class="diff-text">{shown.length > 0 ? <DiffParts parts={shown} /> : <span class="muted">{t('diff.noText')}</span>}</p>
    </div>
  );
  return (
    <div class="diff-sides">
      {side(t('diff.before'), before)}
      {side(t('diff.after'), after)}
    </div>
  );
}

export function DiffView({ parts, context, label, layout = 'inline' }: { parts: readonly DiffPart[]; context?: number; label?: string; layout?: DiffLayout }) {
  const t = useT();
  const shown = context === undefined ? parts : trimParts(parts, context);
  const { inserted, deleted } = diffCounts(parts);
  return (
    <figure class="diff">
      {label && <figcaption>{label}</figcaption>}
      {layout === 'sideBySide' ? (
        <SideBySide parts={shown} />
      ) : (
        <p class="diff-text">
          <DiffParts parts={shown} />
        </p>
      )}
      <p class="diff-summary muted">{t('diff.summary', { inserted, deleted })}</p>
    </figure>
  );
}
