/** One argument (with its "+1"), one source, one question with its official answer; hidden ones as tombstones. */
import { useState } from 'preact/hooks';
import type { Argument } from '../../../shared/api/arguments.ts';
import type { Question } from '../../../shared/api/questions.ts';
import type { Source } from '../../../shared/api/sources.ts';
import { useSession } from '../account/session.ts';
import { castVote, withdrawVote } from '../api/votes.ts';
import { AuthorLine } from '../annotations/AuthorLine.tsx';
import { useT } from '../i18n/i18n.ts';
import { ReportButton } from '../moderation/ReportButton.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { useMyVote, useSetTally, useTally } from '../votes/tallies.tsx';

function Tombstone({ reason }: { reason: string }) {
  const t = useT();
  return <p class="tombstone">{t('annotations.hidden', { reason })}</p>;
}

export function ArgumentItem({ billId, argument }: { billId: string; argument: Argument }) {
  const t = useT();
  const me = useSession();
  // The count follows the live tallies; the reader's own +1 comes with the batched tallies read (myVotes).
  const tally = useTally('argument', argument.id);
  const setTally = useSetTally();
  const [mine, setMine] = useMyVote('argument', argument.id);
  const [error, setError] = useState<unknown>(null);
  // An argument takes "agree" votes only: a +1 the reader gives or takes back.
  const toggle = async () => {
    setError(null);
    try {
      const state = mine ? await withdrawVote(billId, 'argument', argument.id) : await castVote(billId, 'argument', argument.id, 'agree');
      setMine(state.myVote);
      setTally('argument', argument.id, state.tally);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <li class="debate-item">
      <AuthorLine author={argument.author} at={argument.createdAt} />
      {argument.tombstone ? <Tombstone reason={argument.tombstone.reason} /> : <p>{argument.body}</p>}
      <button type="button" class="endorse" aria-pressed={!!mine} disabled={!me || !!argument.tombstone} onClick={() => void toggle()}>
        {t('debate.endorse')} <span class="vote-count">{tally.agree}</span>
      </button>
      {!argument.tombstone && <ReportButton billId={billId} target={{ type: 'argument', id: argument.id }} authorIds={[argument.author.id]} />}
      <ErrorMessage error={error} />
    </li>
  );
}

export function SourceItem({ billId, source }: { billId: string; source: Source }) {
  return (
    <li class="debate-item">
      <AuthorLine author={source.author} at={source.createdAt} />
      {source.tombstone ? (
        <Tombstone reason={source.tombstone.reason} />
      ) : (
        <>
          <p>
            <a href={source.url ?? undefined} rel="noopener noreferrer nofollow" target="_blank">
              {source.title}
            </a>
          </p>
          {source.description && <p class="muted">{source.description}</p>}
          <ReportButton billId={billId} target={{ type: 'source', id: source.id }} authorIds={[source.author.id]} />
        </>
      )}
    </li>
  );
}

export function QuestionItem({ billId, question }: { billId: string; question: Question }) {
  const t = useT();
  return (
    <li class="debate-item">
      <AuthorLine author={question.author} at={question.createdAt} />
      {question.tombstone ? <Tombstone reason={question.tombstone.reason} /> : <p>{question.body}</p>}
      {question.response ? (
        <div class="official-answer" role="note">
          <p class="label-like">{t('debate.answer', { name: question.response.author.displayName })}</p>
          <p>{question.response.body}</p>
        </div>
      ) : (
        <p class="muted">{t('debate.awaitingAnswer')}</p>
      )}
      {!question.tombstone && <ReportButton billId={billId} target={{ type: 'question', id: question.id }} authorIds={[question.author.id]} />}
    </li>
  );
}
