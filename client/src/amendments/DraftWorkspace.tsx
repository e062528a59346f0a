/**
 * A draft's page for its authors and invited users (AMEND3, AMEND4): who writes it, inviting a co-author, the
 * dispositif and exposé written together live in `amendment:<id>` (COLLAB11), the word diff and official wording
 * following every keystroke, and depositing it. The invited see it read-only until they accept.
 */
import type * as Y from 'yjs';
import type { Amendment } from '../../../shared/api/amendments.ts';
import { useSession } from '../account/session.ts';
import { depositAmendment, withdrawAmendment } from '../api/amendments.ts';
import { Link, pathOf } from '../app/router.tsx';
import { DiffView } from '../diff/DiffView.tsx';
import { useT } from '../i18n/i18n.ts';
import type { LiveArticle } from '../live/billDoc.ts';
import { useDraftDoc } from '../live/useDraftDoc.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { useAction } from '../ui/useAction.ts';
import { InvitationNotice } from './AcceptInvitation.tsx';
import { CoauthorList } from './CoauthorList.tsx';
import { DraftEditors } from './DraftEditors.tsx';
import { DraftPreviewView } from './DraftPreviewView.tsx';
import { InviteCoauthor } from './InviteCoauthor.tsx';
import { kindLabels } from './labels.ts';
import { ParentLayer } from './ParentLayer.tsx';

/** The bill's live text, which the draft's change is previewed against. */
export interface LiveBillText {
  doc: Y.Doc;
  articles: readonly LiveArticle[];
}

function DraftActions({ amendment, onChanged }: { amendment: Amendment; onChanged: (amendment: Amendment) => void }) {
  const t = useT();
  const { busy, error, run: act } = useAction(onChanged);
  return (
    <>
      <p class="hint">{t('draft.depositHint')}</p>
      <ErrorMessage error={error} />
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void act(() => depositAmendment(amendment.billId, amendment.id))}>
          {t('amendment.deposit')}
        </button>
        <button type="button" disabled={busy} onClick={() => void act(() => withdrawAmendment(amendment.billId, amendment.id))}>
          {t('amendment.withdraw')}
        </button>
      </div>
    </>
  );
}

export function DraftWorkspace({
  amendment,
  parent,
  live,
  headingId,
  onChanged,
}: {
  amendment: Amendment;
  parent: Amendment | undefined;
  live: LiveBillText | null;
  /** The page's heading, which names the draft. */
  headingId: string;
  onChanged: (amendment: Amendment) => void;
}) {
  const t = useT();
  const me = useSession();
  const standing = amendment.authors.find((author) => author.user.id === me?.id)?.status ?? null;
  const writes = standing === 'author' || standing === 'coauthor';
  // Accepting an invitation turns a reader into a writer: a new standing, a new ticket.
  const { connection, state } = useDraftDoc(amendment.id, standing === null ? null : writes ? 'writer' : 'invited');
  const text = state?.synced ? state.text : (amendment.text ?? '');
  const { billId, target } = amendment;

  return (
    <article class="card amendment status-draft draft-workspace" aria-labelledby={headingId} data-amendment-id={amendment.id}>
      <p class="muted">
        {t(kindLabels[amendment.kind] ?? 'amendment.kind.other')}
        {target.articleNumber && amendment.kind !== 'add_article' && (
          <>
            {' · '}
            <Link href={pathOf('bills', billId, 'articles', target.articleNumber)}>{t('reader.article', { number: target.articleNumber })}</Link>
          </>
        )}
        {amendment.newArticleNumber && <> · {t('amend.newArticleNamed', { number: amendment.newArticleNumber })}</>}
      </p>
      <p class="hint">{t('amend.draftHint')}</p>
      {standing === 'invited' && <InvitationNotice amendment={amendment} onChanged={onChanged} />}
      <CoauthorList amendment={amendment} headingId={`coauthors-${amendment.id}`} />
      {writes && <InviteCoauthor amendment={amendment} onChanged={onChanged} />}
      {connection && state && <DraftEditors amendment={amendment} connection={connection} state={state} />}
      <section aria-labelledby={`draft-change-${amendment.id}`}>
        <h3 id={`draft-change-${amendment.id}`}>{t('draft.change')}</h3>
        {amendment.kind === 'sub_amendment' && <ParentLayer amendment={amendment} parent={parent} />}
        {live ? (
          <DraftPreviewView amendment={amendment} billDoc={live.doc} articles={live.articles} parent={parent} text={text} />
        ) : (
          amendment.diff && <DiffView parts={amendment.diff.parts} context={80} label={t('amendment.diff')} />
        )}
      </section>
      {writes && <DraftActions amendment={amendment} onChanged={onChanged} />}
    </article>
  );
}
