/**
 * One article: its heading (a deep link), its alinéas as a numbered list, highlighted passages, and what the page
 * puts under it (actions, votes). Used for the live text and for published versions alike.
 */
import type { ComponentChildren } from 'preact';
import { Link } from '../app/router.tsx';
import { useT } from '../i18n/i18n.ts';
import { type Highlight, segmentArticle } from './segments.ts';

/** The element id of an article, for `#` links and scrolling to a deep link. */
export const articleDomId = (number: string) => `article-${number.trim().replace(/\s+/g, '-')}`;

export function ArticleView({
  articleId,
  number,
  text,
  href,
  status,
  highlights = [],
  activeHighlights = [],
  onHighlightClick,
  focused,
  children,
}: {
  articleId: string;
  number: string;
  text: string;
  href: string;
  status?: string | null;
  highlights?: Highlight[];
  activeHighlights?: string[];
  onHighlightClick?: (ids: string[]) => void;
  focused?: boolean;
  children?: ComponentChildren;
}) {
  const t = useT();
  const headingId = `${articleDomId(number)}-title`;
  const alineas = segmentArticle(text, highlights);
  return (
    <article class={`article${focused ? ' focused' : ''}`} id={articleDomId(number)} data-article-id={articleId} aria-labelledby={headingId}>
      <h3 id={headingId} class="article-title">
        <Link href={href}>{t('reader.article', { number })}</Link>
        {status && <span class="badge">{status}</span>}
      </h3>
      {alineas.length === 0 ? (
        <p class="muted">{t('reader.emptyArticle')}</p>
      ) : (
        <ol class="alineas" aria-label={t('reader.alineasOf', { number })}>
          {alineas.map((alinea) => (
            <li key={alinea.number} data-alinea={alinea.number}>
              {alinea.segments.map((segment) =>
                segment.highlights.length > 0 ? (
                  <mark
                    key={segment.start}
                    data-offset={segment.start}
                    data-highlights={segment.highlights.join(' ')}
                    class={segment.highlights.some((id) => activeHighlights.includes(id)) ? 'active' : undefined}
                    onClick={() => onHighlightClick?.(segment.highlights)}
                  >
                    {segment.text}
                  </mark>
                ) : (
                  <span key={segment.start} data-offset={segment.start}>
                    {segment.text}
                  </span>
                ),
              )}
            </li>
          ))}
        </ol>
      )}
      {children}
    </article>
  );
}
