/** The route table: every screen has a URL, so every article, version and amendment can be linked to. */
import type { VNode } from 'preact';
import { SignInScreen } from '../account/SignInScreen.tsx';
import { SignUpScreen } from '../account/SignUpScreen.tsx';
import { BillScreen, type BillView } from '../bill/BillScreen.tsx';
import { BillsScreen } from '../bills/BillsScreen.tsx';
import type { EvolutionSection } from '../evolution/sections.ts';
import { ProfileScreen } from '../profile/ProfileScreen.tsx';
import { NotFound } from './NotFound.tsx';
import { matchPath } from './router.tsx';

type Route = [pattern: string, screen: (params: Record<string, string>) => VNode];

const bill = (view: BillView['kind']) => (p: Record<string, string>) => (
  <BillScreen billId={p.billId as string} view={{ kind: view, articleNumber: p.number, versionId: p.versionId, amendmentId: p.amendmentId } as BillView} />
);

// The journalist views of a bill (their options, such as the versions compared, are in the query).
const evolution = (section: EvolutionSection) => (p: Record<string, string>) => (
  <BillScreen billId={p.billId as string} view={{ kind: 'evolution', section }} />
);

const routes: Route[] = [
  ['/', () => <BillsScreen />],
  ['/signin', () => <SignInScreen />],
  ['/signup', () => <SignUpScreen />],
  ['/me', () => <ProfileScreen />],
  ['/bills/:billId', bill('text')],
  ['/bills/:billId/articles/:number', bill('text')],
  ['/bills/:billId/versions/:versionId', bill('version')],
  ['/bills/:billId/versions/:versionId/articles/:number', bill('version')],
  ['/bills/:billId/amendments', bill('amendments')],
  ['/bills/:billId/amendments/:amendmentId', bill('amendment')],
  ['/bills/:billId/activity', bill('activity')],
  ['/bills/:billId/desk', bill('desk')],
  ['/bills/:billId/moderation', bill('moderation')],
  ['/bills/:billId/evolution', evolution('grid')],
  ['/bills/:billId/evolution/diff', evolution('diff')],
  ['/bills/:billId/evolution/blame', evolution('blame')],
  ['/bills/:billId/evolution/stats', evolution('stats')],
  ['/bills/:billId/evolution/data', evolution('data')],
];

/** The screen for a path. */
export function screenFor(path: string): VNode {
  for (const [pattern, screen] of routes) {
    const params = matchPath(pattern, path);
    if (params) return screen(params);
  }
  return <NotFound />;
}
