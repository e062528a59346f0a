/**
 * Reads the reader's text selection as offsets into one article's text. Segments carry `data-offset` (their start
 * in the article text) and hold one text node, so a DOM boundary maps to an exact offset.
 */

/** A selected range of an article. */
export interface TextSelection {
  articleId: string;
  index: number;
  length: number;
  text: string;
}

function segmentOffset(segment: Element): number {
  return Number((segment as HTMLElement).dataset.offset);
}

/** The article-text offset of a DOM boundary point, or null when it is not inside the article's text. */
function offsetOf(node: Node, offset: number, article: Element): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const segment = node.parentElement?.closest('[data-offset]');
    return segment && article.contains(segment) ? segmentOffset(segment) + offset : null;
  }
  if (!(node instanceof Element)) return null;
  const segments = [...article.querySelectorAll('[data-offset]')];
  const child = node.childNodes[offset];
  // A boundary between elements: the first segment at or after it, else the end of the last one before it.
  const after = segments.find((segment) => (child ? child === segment || child.contains(segment) || !!(child.compareDocumentPosition(segment) & Node.DOCUMENT_POSITION_FOLLOWING) : false));
  if (after) return segmentOffset(after);
  const before = segments.filter((segment) => node.contains(segment) || !!(node.compareDocumentPosition(segment) & Node.DOCUMENT_POSITION_PRECEDING)).pop();
  return before ? segmentOffset(before) + (before.textContent ?? '').length : null;
}

/** The current selection if it lies within one article of `root`, else null. */
export function readSelection(root: HTMLElement, articleText: (articleId: string) => string | undefined): TextSelection | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const startArticle = (range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement)?.closest('[data-article-id]');
  const endArticle = (range.endContainer instanceof Element ? range.endContainer : range.endContainer.parentElement)?.closest('[data-article-id]');
  if (!startArticle || startArticle !== endArticle || !root.contains(startArticle)) return null;
  const articleId = (startArticle as HTMLElement).dataset.articleId as string;
  const start = offsetOf(range.startContainer, range.startOffset, startArticle);
  const end = offsetOf(range.endContainer, range.endOffset, startArticle);
  const text = articleText(articleId);
  if (start === null || end === null || end <= start || text === undefined) return null;
  return { articleId, index: start, length: end - start, text: text.slice(start, end) };
}
