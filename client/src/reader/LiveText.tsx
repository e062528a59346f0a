/**
 * The live reading view: the official working text from the bill's Y.Doc, updating as rapporteurs type or an
 * amendment is adopted; annotations highlighted; select words (or use an article's buttons) to comment or amend.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { resolveAnchor } from '../../../shared/anchors/index.ts';
import type { Amendment } from '../../../shared/api/amendments.ts';
import type { AnnotationThread } from '../../../shared/api/annotations.ts';
import { useSession } from '../account/session.ts';
import { navigate, pathOf } from '../app/router.tsx';
import { useT } from '../i18n/i18n.ts';
import { AmendForm } from '../amendments/AmendForm.tsx';
import { AnnotateForm } from '../annotations/AnnotateForm.tsx';
import { AnnotationPanel } from '../annotations/AnnotationPanel.tsx';
import type { BillDocConnection, BillDocState } from '../live/billDoc.ts';
import { useLoadTallies } from '../votes/tallies.tsx';
import { DebatePanel } from '../debate/DebatePanel.tsx';
import { VoteBar } from '../votes/VoteBar.tsx';
import { ArticleView, articleDomId } from './ArticleView.tsx';
import type { Highlight } from './segments.ts';
import { readSelection, type TextSelection } from './selection.ts';
import { SelectionBar } from './SelectionBar.tsx';
import { type ComposerTarget, targetFromSelection } from './target.ts';

type Composer = { mode: 'annotate' | 'amend'; target: ComposerTarget };

export function LiveText({
  billId,
  connection,
  state,
  threads,
  reloadThreads,
  amendments,
  onAmendmentChanged,
  focusNumber,
}: {
  billId: string;
  connection: BillDocConnection;
  state: BillDocState;
  threads: AnnotationThread[];
  reloadThreads: () => void;
  amendments: Amendment[];
  onAmendmentChanged: (amendment: Amendment) => void;
  focusNumber: string | undefined;
}) {
  const t = useT();
  const me = useSession();
  const root = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [composer, setComposer] = useState<Composer | null>(null);
  const [active, setActive] = useState<string[]>([]);
  const { doc } = connection;
  const { articles } = state;
  useLoadTallies(billId, 'article', articles.map((article) => article.id));

  // A deep link to an article scrolls to it once the text has arrived.
  const scrolled = useRef<string | null>(null);
  useEffect(() => {
    if (!focusNumber || scrolled.current === focusNumber || !articles.some((a) => a.number === focusNumber)) return;
    scrolled.current = focusNumber;
    document.getElementById(articleDomId(focusNumber))?.scrollIntoView({ block: 'start' });
  }, [focusNumber, articles]);

  useEffect(() => {
    if (composer) document.querySelector<HTMLElement>('[data-composer-focus]')?.focus();
  }, [composer]);

  const capture = () => {
    if (!root.current) return;
    setSelection(readSelection(root.current, (id) => articles.find((a) => a.id === id)?.text));
  };

  const numberOf = (articleId: string) => articles.find((a) => a.id === articleId)?.number ?? '';
  const open = (mode: Composer['mode'], target: ComposerTarget | null) => {
    if (!me) {
      navigate(`/signin?next=${encodeURIComponent(window.location.pathname)}`);
      return;
    }
    if (target) setComposer({ mode, target });
  };
  const openFromSelection = (mode: Composer['mode']) => {
    if (!selection) return;
    open(mode, targetFromSelection(doc, selection, numberOf(selection.articleId)));
    setSelection(null);
  };

  // The passage being commented or amended stays highlighted while the form is open.
  const COMPOSER = 'composer';
  const highlightsOf = (articleId: string): Highlight[] => {
    const list: Highlight[] = [];
    const pending = composer?.target.anchor;
    if (pending && pending.articleId === articleId) {
      const range = resolveAnchor(doc, pending);
      if (range.status !== 'orphan') list.push({ id: COMPOSER, index: range.index, length: range.length });
    }
    for (const thread of threads) {
      if (thread.articleId !== articleId || !thread.anchor || thread.tombstone) continue;
      const range = resolveAnchor(doc, thread.anchor);
      if (range.status !== 'orphan' && range.length > 0) list.push({ id: thread.id, index: range.index, length: range.length });
    }
    return list;
  };

  return (
    <div class="workspace">
      <div class="reader" ref={root} onMouseUp={capture} onKeyUp={capture}>
        <h2 data-route-focus tabIndex={-1}>
          {t('reader.liveTitle')}
        </h2>
        <p class="muted" role="status">
          {state.fatal ? t('reader.unavailable') : state.synced ? t('reader.live') : t('reader.connecting')}
        </p>
        <p class="hint">{t('reader.selectHint')}</p>
        {articles.map((article) => (
          <ArticleView
            key={article.id}
            articleId={article.id}
            number={article.number}
            text={article.text}
            href={pathOf('bills', billId, 'articles', article.number)}
            highlights={highlightsOf(article.id)}
            activeHighlights={[...active, COMPOSER]}
            onHighlightClick={(ids) => setActive(ids.filter((id) => id !== COMPOSER))}
            focused={article.number === focusNumber}
          >
            <div class="article-actions">
              <button type="button" onClick={() => open('annotate', { articleId: article.id, articleNumber: article.number, anchor: null })}>
                {t('reader.commentArticle', { number: article.number })}
              </button>
              <button type="button" onClick={() => open('amend', { articleId: article.id, articleNumber: article.number, anchor: null })}>
                {t('reader.amendArticle', { number: article.number })}
              </button>
            </div>
            <VoteBar billId={billId} type="article" id={article.id} label={t('vote.onArticle', { number: article.number })} />
            <DebatePanel billId={billId} articleId={article.id} articleNumber={article.number} />
          </ArticleView>
        ))}
      </div>
      <aside class="side" aria-label={t('reader.contributions')}>
        {composer?.mode === 'annotate' && (
          <AnnotateForm
            billId={billId}
            doc={doc}
            target={composer.target}
            onCancel={() => setComposer(null)}
            onDone={(thread) => {
              setComposer(null);
              setActive([thread.id]);
              reloadThreads();
            }}
          />
        )}
        {composer?.mode === 'amend' && (
          <AmendForm billId={billId} doc={doc} target={composer.target} amendments={amendments} onChanged={onAmendmentChanged} onCancel={() => setComposer(null)} />
        )}
        <AnnotationPanel billId={billId} threads={threads} articles={articles} activeIds={active} onSelect={setActive} onChanged={reloadThreads} />
      </aside>
      {selection && <SelectionBar selection={selection} onComment={() => openFromSelection('annotate')} onAmend={() => openFromSelection('amend')} onDismiss={() => setSelection(null)} />}
    </div>
  );
}
