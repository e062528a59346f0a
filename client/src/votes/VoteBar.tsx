/**
 * Vote d'accord / mitigé / pas d'accord on an article or an amendment: three toggle buttons showing the live tally.
 * Pressing one's own vote again withdraws it. Anonymous readers see the tally and a prompt to sign in.
 */
import { useState } from 'preact/hooks';
import type { TargetType } from '../../../shared/api/contributions.ts';
import { VoteValue } from '../../../shared/api/votes.ts';
import { useSession } from '../account/session.ts';
import { castVote, withdrawVote } from '../api/votes.ts';
import { type MessageKey, useT } from '../i18n/i18n.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { useMyVote, useSetTally, useTally } from './tallies.tsx';

const values: { value: VoteValue; label: MessageKey }[] = [
  { value: VoteValue.agree, label: 'vote.agree' },
  { value: VoteValue.mixed, label: 'vote.mixed' },
  { value: VoteValue.disagree, label: 'vote.disagree' },
];

export function VoteBar({ billId, type, id, label }: { billId: string; type: TargetType; id: string; label: string }) {
  const t = useT();
  const me = useSession();
  const tally = useTally(type, id);
  const setTally = useSetTally();
  // Known from the page's batch load of tallies (useLoadTallies), which every list of vote bars makes.
  const [known, setMine] = useMyVote(type, id);
  const mine = known ?? null;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const vote = async (value: VoteValue) => {
    setBusy(true);
    setError(null);
    try {
      const state = value === mine ? await withdrawVote(billId, type, id) : await castVote(billId, type, id, value);
      setMine(state.myVote);
      setTally(type, id, state.tally);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="vote-bar">
      <div role="group" aria-label={label} class="vote-buttons">
        {values.map(({ value, label: name }) => (
          <button
            type="button"
            key={value}
            class={`vote vote-${value}`}
            aria-pressed={mine === value}
            disabled={!me || busy}
            onClick={() => void vote(value)}
          >
            {t(name)} <span class="vote-count">{tally[value]}</span>
          </button>
        ))}
      </div>
      {me === null && <p class="hint">{t('vote.signInToVote')}</p>}
      <ErrorMessage error={error} />
    </div>
  );
}
