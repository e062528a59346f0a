/**
 * A bill page's live events, shared by everything on the page: the feed keeps the recent entries, and parts that
 * show server data (tallies, annotations, amendments, the bill's timeline) reload or update when told to.
 */
import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LiveMessage } from '../../../shared/api/live.ts';
import { followBill } from './liveStream.ts';

type Listener = (message: LiveMessage) => void;

interface BillEvents {
  recent: LiveMessage[];
  listen: (listener: Listener) => () => void;
}

const Context = createContext<BillEvents>({ recent: [], listen: () => () => undefined });
const MAX_RECENT = 100;

/** Follows the bill while mounted. */
export function BillEventsProvider({ billId, children }: { billId: string; children: ComponentChildren }) {
  const listeners = useRef(new Set<Listener>());
  const [recent, setRecent] = useState<LiveMessage[]>([]);
  useEffect(() => {
    setRecent([]);
    return followBill(billId, (message) => {
      if (message.event.type !== 'vote.tally') setRecent((list) => [message, ...list].slice(0, MAX_RECENT));
      for (const listener of [...listeners.current]) listener(message);
    });
  }, [billId]);
  const listen = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  const value = useMemo(() => ({ recent, listen }), [recent, listen]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The recent entries, newest first. */
export const useRecentEvents = () => useContext(Context).recent;

/** Calls `handler` for each live message (the latest handler: no need to memoise it). */
export function useBillEvent(handler: Listener): void {
  const { listen } = useContext(Context);
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => listen((message) => latest.current(message)), [listen]);
}

/** Calls `reload` when an entry whose type starts with one of `prefixes` arrives (debounced: bursts reload once). */
export function useReloadOn(prefixes: string[], reload: () => void, delayMs = 150): void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  useBillEvent((message) => {
    if (!prefixes.some((prefix) => message.event.type.startsWith(prefix))) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(reload, delayMs);
  });
}
