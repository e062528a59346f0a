/**
 * A word-level diff (shared/text/wordDiff.ts, the same one the server computes). Insertions and deletions are
 * `<ins>`/`<del>` with a text alternative: screen readers hear "inséré : « … »" and "supprimé : « … »", since most
 * of them do not announce the elements themselves. Long unchanged stretches can be shortened to their edges.
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

export function DiffView({ parts, context, label }: { parts: readonly DiffPart[]; context?: number; label?: string }) {
  const t = useT();
  const shown = context === undefined ? parts : trimParts(parts, context);
  const { inserted, deleted } = diffCounts(parts);
  return (
    <figure class="diff">
      {label && <figcaption>{label}</figcaption>}
      <p class="diff-text">
        {shown.map((part, index) => {
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
      </p>
      <p class="diff-summary muted">{t('diff.summary', { inserted, deleted })}</p>
    </figure>
  );
}
