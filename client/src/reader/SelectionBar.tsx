/** Shown while words are selected in the reader: comment on them or propose an amendment. */
import { useT } from '../i18n/i18n.ts';
import type { TextSelection } from './selection.ts';

const MAX_QUOTE = 80;

export function SelectionBar({ selection, onComment, onAmend, onDismiss }: { selection: TextSelection; onComment: () => void; onAmend: () => void; onDismiss: () => void }) {
  const t = useT();
  const quote = selection.text.length > MAX_QUOTE ? `${selection.text.slice(0, MAX_QUOTE)}…` : selection.text;
  return (
    <div class="selection-bar" role="region" aria-label={t('selection.label')}>
      <p class="selection-quote">« {quote} »</p>
      <div class="actions">
        <button type="button" class="primary" onClick={onComment}>
          {t('selection.comment')}
        </button>
        <button type="button" class="primary" onClick={onAmend}>
          {t('selection.amend')}
        </button>
        <button type="button" onClick={onDismiss}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
