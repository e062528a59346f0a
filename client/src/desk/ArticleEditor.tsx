/**
 * One article of the official text in a CodeMirror 6 editor bound to that article's Y.Text by y-codemirror.next:
 * every keystroke is an edit of the shared text (never a replacement), others' cursors show with their names, and
 * undo only undoes one's own changes. Lines are alinéas, so the line numbers are the alinéa numbers.
 */
import { defaultKeymap } from '@codemirror/commands';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'preact/hooks';
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

export function ArticleEditor({ ytext, awareness, label, editable }: { ytext: Y.Text; awareness: Awareness; label: string; editable: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return undefined;
    const undoManager = new Y.UndoManager(ytext);
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: ytext.toJSON(),
        extensions: [
          lineNumbers(),
          EditorView.lineWrapping,
          keymap.of([...yUndoManagerKeymap, ...defaultKeymap]),
          yCollab(ytext, awareness, { undoManager }),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorState.readOnly.of(!editable),
          EditorView.editable.of(editable),
        ],
      }),
    });
    return () => {
      view.destroy();
      undoManager.destroy();
    };
  }, [ytext, awareness, label, editable]);
  return <div class="editor" ref={host} />;
}
