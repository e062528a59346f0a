/**
 * The vote tallies shown on a bill page, by target: loaded in batches, then kept current by the live stream's
 * `vote.tally` messages (at most one per target per second, always the latest).
 */
import { type ComponentChildren, createContext } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { TargetType } from '../../../shared/api/contributions.ts';
import { isVoteTally } from '../../../shared/api/live.ts';
import { MAX_TALLY_IDS, type VoteTally } from '../../../shared/api/votes.ts';
import { getTallies } from '../api/votes.ts';
import { createStore, type Store, useStore } from '../app/store.ts';
import { useBillEvent } from '../live/BillEvents.tsx';

type Tallies = ReadonlyMap<string, VoteTally>;

const key = (type: TargetType, id: string) => `${type}:${id}`;
const Context = createContext<Store<Tallies> | null>(null);

/** Holds the page's tallies and applies live ones. */
export function TalliesProvider({ children }: { children: ComponentChildren }) {
  const store = useMemo(() => createStore<Tallies>(new Map()), []);
  useBillEvent(({ event }) => {
    if (!isVoteTally(event)) return;
    store.set(new Map(store.get()).set(key(event.target.type, event.target.id), event.tally));
  });
  return <Context.Provider value={store}>{children}</Context.Provider>;
}

/** Records tallies read from the server (after a vote, or a batch load). */
export function useSetTally(): (type: TargetType, id: string, tally: VoteTally) => void {
  const store = useContext(Context);
  return (type, id, tally) => store?.set(new Map(store.get()).set(key(type, id), tally));
}

/** Loads the tallies of these targets (in batches the API accepts) when the list changes. */
export function useLoadTallies(billId: string, type: TargetType, ids: string[]): void {
  const store = useContext(Context);
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
        },
        () => undefined,
      );
    }
  }, [store, billId, type, joined]);
}

/** A target's tally (zeros until known). */
export function useTally(type: TargetType, id: string): VoteTally {
  const store = useContext(Context);
  const [fallback] = useState(() => createStore<Tallies>(new Map()));
  const tallies = useStore(store ?? fallback);
  return tallies.get(key(type, id)) ?? { agree: 0, mixed: 0, disagree: 0, total: 0 };
}
