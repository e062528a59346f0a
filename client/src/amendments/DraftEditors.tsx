/**
 * The draft's dispositif and exposé sommaire, each in a collaborative editor bound to its root text of
 * `amendment:<id>`: every author's keystrokes show at the others' at once, with their cursors and names.
 */
import type { Amendment } from '../../../shared/api/amendments.ts';
import { useArticleEditor } from '../desk/useArticleEditor.ts';
import { useT } from '../i18n/i18n.ts';
import type { DraftDocConnection, DraftDocState } from '../live/draftDoc.ts';

/** Kinds whose dispositif is a text (deletions have none, only an exposé). */
const hasText = (kind: string) => kind !== 'delete' && kind !== 'delete_article';

function DraftStatus({ state }: { state: DraftDocState }) {
  const t = useT();
  const writers = state.presence.writers.map((writer) => writer.name);
  const live = state.synced && state.status === 'connected';
  return (
    <p class={live ? 'success' : 'muted'} role="status">
      {!live ? t('draft.connecting') : state.access === 'write' ? t('draft.writing') : t('draft.reading')}
      {live && writers.length > 0 && ` ${t('draft.alsoHere', { names: writers.join(', ') })}`}
    </p>
  );
}

export function DraftEditors({ amendment, connection, state }: { amendment: Amendment; connection: DraftDocConnection; state: DraftDocState }) {
  const t = useT();
  const Editor = useArticleEditor(true);
  const writable = state.access === 'write' && state.status === 'connected';
  const { awareness } = connection.provider;
  return (
    <section class="draft-editors" aria-labelledby={`draft-texts-${amendment.id}`}>
      <h3 id={`draft-texts-${amendment.id}`}>{t('draft.texts')}</h3>
      <DraftStatus state={state} />
      {Editor && state.synced ? (
        <>
          {hasText(amendment.kind) && (
            <div class="field">
              <p class="label-like">{t('draft.text')}</p>
              <Editor ytext={connection.text} awareness={awareness} label={t('draft.textLabel')} editable={writable} />
            </div>
          )}
          <div class="field">
            <p class="label-like">{t('amendment.expose')}</p>
            <Editor ytext={connection.expose} awareness={awareness} label={t('draft.exposeLabel')} editable={writable} />
          </div>
        </>
      ) : (
        <p class="muted">{t('common.loading')}</p>
      )}
    </section>
  );
}
