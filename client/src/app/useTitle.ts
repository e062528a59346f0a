import { useEffect } from 'preact/hooks';

/** Sets the document title (what a screen reader announces first, and what a tab shows). */
export function useTitle(title: string | null | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} · Loi Live`;
  }, [title]);
}
