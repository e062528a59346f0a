/** What the amendment changes: the targeted words (replace, delete, insert after) or the whole article (AMEND1). */
import { type MessageKey, useT } from '../i18n/i18n.ts';
import type { FormKind } from './proposal.ts';

const kinds: { kind: FormKind; label: MessageKey }[] = [
  { kind: 'replace', label: 'amend.kind.replace' },
  { kind: 'delete', label: 'amend.kind.delete' },
  { kind: 'insert', label: 'amend.kind.insert' },
  { kind: 'rewrite_article', label: 'amend.kind.rewriteArticle' },
  { kind: 'delete_article', label: 'amend.kind.deleteArticle' },
  { kind: 'add_article', label: 'amend.kind.addArticle' },
];

export function KindChoice({ kind, articleNumber, onKind }: { kind: FormKind; articleNumber: string; onKind: (kind: FormKind) => void }) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t('amend.kind')}</legend>
      {kinds.map((option) => (
        <label class="choice" key={option.kind}>
          <input type="radio" name="amend-kind" value={option.kind} checked={kind === option.kind} onChange={() => onKind(option.kind)} />
          {t(option.label, { number: articleNumber })}
        </label>
      ))}
    </fieldset>
  );
}
