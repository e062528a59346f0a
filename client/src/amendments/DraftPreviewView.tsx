/** The draft's change as it reads now, recomputed at every keystroke: word diff and official wording. */
import type * as Y from 'yjs';
import type { Amendment } from '../../../shared/api/amendments.ts';
import { DiffView } from '../diff/DiffView.tsx';
import { useT } from '../i18n/i18n.ts';
import type { LiveArticle } from '../live/billDoc.ts';
import { draftPreview } from './draftPreview.ts';
import { FormalWordingView } from './FormalWordingView.tsx';

export function DraftPreviewView({
  amendment,
  billDoc,
  articles,
  parent,
  text,
}: {
  amendment: Amendment;
  billDoc: Y.Doc;
  /** The live text's articles: the preview follows them as they change. */
  articles: readonly LiveArticle[];
  parent: Amendment | undefined;
  text: string;
}) {
  const t = useT();
  const numbers = new Map(articles.map((article) => [article.id, article.number]));
  const preview = draftPreview(amendment, billDoc, parent, text, numbers);
  if (preview === null) return <p class="muted">{t('amendment.targetGone')}</p>;
  return (
    <div class="draft-preview">
      <DiffView parts={preview.parts} context={80} label={amendment.kind === 'sub_amendment' ? t('subAmend.ownLayer') : t('amend.preview')} />
      <FormalWordingView wording={preview.wording} />
    </div>
  );
}
