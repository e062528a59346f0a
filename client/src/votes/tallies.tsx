/**
 * The vote tallies shown on a bill page, by target: loaded in batches, then kept current by the live stream's
 * `vote.tally` messages (at most one per target per second, always the latest). The same batch reads give a
 * signed-in reader their own votes, so a page of vote bars costs one request per 200 targets, not one each.
 */
import { type ComponentChildren, createContext } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { TargetType } from '../../../shared/api/contributions.ts';
import { isVoteTally } from '../../../shared/api/live.ts';
import { MAX_TALLY_IDS, type VoteTally, type VoteValue } from '../../../shared/api/votes.ts';
import { useSession } from '../account/session.ts';
import { getTallies } from '../api/votes.ts';
import { createStore, type Store, useStore } from '../app/store.ts';
import { useBillEvent } from '../live/BillEvents.tsx';

type Tallies = ReadonlyMap<string, VoteTally>;
/** The reader's own votes, by target key; null = known not voted (absent = not known yet). */
type MyVotes = ReadonlyMap<string, VoteValue | null>;

const key = (type: TargetType, id: string) => `${type}:${id}`;
const Context = createContext<Store<Tallies> | null>(null);
const MineContext = createContext<Store<MyVotes> | null>(null);

/** Holds the page's tallies and the reader's votes, and applies live tallies. */
export function TalliesProvider({ children }: { children: ComponentChildren }) {
  const store = useMemo(() => createStore<Tallies>(new Map()), []);
  const mine = useMemo(() => createStore<MyVotes>(new Map()), []);
  const me = useSession();
  // Someone else signed in (or out): what we knew of "my votes" was someone else's.
  useEffect(() => mine.set(new Map()), [mine, me?.id]);
  useBillEvent(({ event }) => {
    if (!isVoteTally(event)) return;
    store.set(new Map(store.get()).set(key(event.target.type, event.target.id), event.tally));
  });
  return (
    <Context.Provider value={store}>
      <MineContext.Provider value={mine}>{children}</MineContext.Provider>
    </Context.Provider>
  );
}

/** Records tallies read from the server (after a vote, or a batch load). */
export function useSetTally(): (type: TargetType, id: string, tally: VoteTally) => void {
  const store = useContext(Context);
  return (type, id, tally) => store?.set(new Map(store.get()).set(key(type, id), tally));
}

/** Loads the tallies of these targets, and the reader's votes on them (in batches the API accepts), when the list changes. */
export function useLoadTallies(billId: string, type: TargetType, ids: string[]): void {
  const store = useContext(Context);
  const mine = useContext(MineContext);
  const me = useSession();
  const joined = ids.join(',');
  useEffect(() => {
    if (!store || joined === '') return;
    const all = joined.split(',');
    for (let start = 0; start < all.length; start += MAX_TALLY_IDS) {
      void getTallies(billId, type, all.slice(start, start + MAX_TALLY_IDS)).then(
        (answer) => {
          const next = new Map(store.get());
          // A live tally may have arrived meanwhile: it is newer than this read only if already present.
          for (const [id, tally] of Object.entries(answer.tallies)) if (!next.has(key(type, id))) next.set(key(type, id), tally);
          store.set(next);
          if (mine && answer.myVotes) {
            const votes = new Map(mine.get());
            for (const id of Object.keys(answer.tallies)) votes.set(key(type, id), answer.myVotes[id] ?? null);
            mine.set(votes);
          }
        },
        () => undefined,
      );
    }
  }, [store, mine, billId, type, joined, me?.id]);
}

/** A target's tally (zeros until known). */
export function useTally(type: TargetType, id: string): VoteTally {
  const store = useContext(Context);
  const [fallback] = useState(() => createStore<Tallies>(new Map()));
  const tallies = useStore(store ?? fallback);
  return tallies.get(key(type, id)) ?? { agree: 0, mixed: 0, disagree: 0, total: 0 };
}

/** The reader's own vote on a target (undefined while not known), and a setter for after they vote. */
export function useMyVote(type: TargetType, id: string): [VoteValue | null | undefined, (value: VoteValue | null) => void] {
  const store = useContext(MineContext);
  const [fallback] = useState(() => createStore<MyVotes>(new Map()));
  const votes = useStore(store ?? fallback);
  const set = (value: VoteValue | null) => (store ?? fallback).set(new Map((store ?? fallback).get()).set(key(type, id), value));
  return [votes.get(key(type, id)), set];
}
