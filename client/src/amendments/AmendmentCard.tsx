/**
 * One amendment: number, status, target, authors, the word diff against the current text and its official form,
 * collisions (a sous-amendement's two layers), votes, and the actions the reader may take (authors deposit or
 * withdraw; the bill's rapporteurs adopt or reject).
 */
import type { Amendment, Decision } from '../../../shared/api/amendments.ts';
import { isRapporteurOf, useSession } from '../account/session.ts';
import { decideAmendment, depositAmendment, withdrawAmendment } from '../api/amendments.ts';
import { Link, pathOf } from '../app/router.tsx';
import { useT } from '../i18n/i18n.ts';
import { AnchorStatusBadge } from '../annotations/AnchorStatusBadge.tsx';
import { AuthorLine } from '../annotations/AuthorLine.tsx';
import { DiffView } from '../diff/DiffView.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { useAction } from '../ui/useAction.ts';
import { ReportButton } from '../moderation/ReportButton.tsx';
import { VoteBar } from '../votes/VoteBar.tsx';
import { FormalWordingView } from './FormalWordingView.tsx';
import { kindLabels, statusLabels } from './labels.ts';
import { ParentLayer } from './ParentLayer.tsx';
import { useAmendmentTitle } from './useAmendmentTitle.ts';

export function AmendmentCard({
  amendment,
  parent,
  onChanged,
  headingLevel = 3,
}: {
  amendment: Amendment;
  /** A sous-amendement's parent, when the page has it (for its title). */
  parent?: Amendment | undefined;
  onChanged: (amendment: Amendment) => void;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const title = useAmendmentTitle();
  const me = useSession();
  const { busy, error, run: act } = useAction(onChanged);
  const { billId } = amendment;
  const isAuthor = !!me && amendment.authors.some((author) => author.user.id === me.id && author.status !== 'invited');
  const canDecide = isRapporteurOf(me, billId) && amendment.status === 'deposited';
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `amendment-${amendment.id}-title`;

  const decide = (outcome: Decision) => act(() => decideAmendment(billId, amendment.id, outcome));

  return (
    <article class={`card amendment status-${amendment.status}`} aria-labelledby={headingId} data-amendment-id={amendment.id}>
      <Heading id={headingId} class="card-title">
        <Link href={pathOf('bills', billId, 'amendments', amendment.id)}>{title(amendment)}</Link>{' '}
        <span class={`badge status status-${amendment.status}`}>{t(statusLabels[amendment.status])}</span>
      </Heading>
      <p class="muted">
        {t(kindLabels[amendment.kind] ?? 'amendment.kind.other')}
        {amendment.target.articleNumber && (
          <>
            {' · '}
            <Link href={pathOf('bills', billId, 'articles', amendment.target.articleNumber)}>{t('reader.article', { number: amendment.target.articleNumber })}</Link>
          </>
        )}{' '}
        <AnchorStatusBadge status={amendment.target.anchorStatus} />
        {amendment.needsRebase && <span class="badge badge-drifted">{t('amendment.needsRebase')}</span>}
      </p>
      {amendment.authors.map((author) => (
        <AuthorLine key={author.user.id} author={author.user} at={amendment.depositedAt ?? amendment.createdAt} />
      ))}
      {amendment.kind === 'sub_amendment' && !amendment.tombstone && <ParentLayer amendment={amendment} parent={parent} />}
      {amendment.tombstone ? (
        <p class="tombstone">{t('annotations.hidden', { reason: amendment.tombstone.reason })}</p>
      ) : amendment.diff ? (
        <DiffView parts={amendment.diff.parts} context={80} label={t(amendment.kind === 'sub_amendment' ? 'subAmend.ownLayer' : 'amendment.diff')} />
      ) : (
        <p class="muted">{t('amendment.targetGone')}</p>
      )}
      {amendment.formalWording && <FormalWordingView wording={amendment.formalWording} />}
      {amendment.expose && (
        <div class="expose">
          <p class="label-like">{t('amendment.expose')}</p>
          <p>{amendment.expose}</p>
        </div>
      )}
      {amendment.collisions.length > 0 && (
        <div class="collisions" role="note">
          <p class="label-like">{t('amendment.collisions', { count: amendment.collisions.length })}</p>
          <ul>
            {amendment.collisions.map((other) => (
              <li key={other.id}>
                <Link href={pathOf('bills', billId, 'amendments', other.id)}>{title(other)}</Link> ({t(statusLabels[other.status])})
              </li>
            ))}
          </ul>
        </div>
      )}
      {amendment.status !== 'draft' && !amendment.tombstone && (
        <ReportButton billId={billId} target={{ type: 'amendment', id: amendment.id }} authorIds={amendment.authors.map((author) => author.user.id)} />
      )}
      {amendment.status !== 'draft' && <VoteBar billId={billId} type="amendment" id={amendment.id} label={t('vote.onAmendment', { title: title(amendment) })} />}
      <ErrorMessage error={error} />
      {(isAuthor || canDecide) && (
        <div class="actions">
          {isAuthor && amendment.status === 'draft' && (
            <button type="button" class="primary" disabled={busy} onClick={() => void act(() => depositAmendment(billId, amendment.id))}>
              {t('amendment.deposit')}
            </button>
          )}
          {isAuthor && (amendment.status === 'draft' || amendment.status === 'deposited') && (
            <button type="button" disabled={busy} onClick={() => void act(() => withdrawAmendment(billId, amendment.id))}>
              {t('amendment.withdraw')}
            </button>
          )}
          {canDecide && (
            <>
              <button type="button" class="primary" disabled={busy} onClick={() => void decide('adopted')}>
                {t('amendment.adopt')}
              </button>
              <button type="button" disabled={busy} onClick={() => void decide('rejected')}>
                {t('amendment.reject')}
              </button>
            </>
          )}
        </div>
      )}
    </article>
  );
}
