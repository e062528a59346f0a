/** The collaborative editor component, loaded on first use: CodeMirror is only needed by writers, not by every reader. */
import { useEffect, useState } from 'preact/hooks';
import type { ArticleEditor } from './ArticleEditor.tsx';

/** The editor component's type. */
export type Editor = typeof ArticleEditor;

/** The editor once loaded (null until then, or while not `wanted`). */
export function useArticleEditor(wanted: boolean): Editor | null {
  const [editor, setEditor] = useState<Editor | null>(null);
  useEffect(() => {
    if (wanted && !editor) void import('./ArticleEditor.tsx').then((module) => setEditor(() => module.ArticleEditor));
  }, [wanted, editor]);
  return editor;
}
