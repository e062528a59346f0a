/**
 * A bill's page: title, timeline, who is here, and its views (live text, a version, amendments, activity, desk,
 * moderation, the journalist views of its evolution).
 * The live document and the live stream stay connected while moving between the views of one bill.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Amendment } from '../../../shared/api/amendments.ts';
import type { Bill } from '../../../shared/api/bills.ts';
import { isRapporteurOf, useSession } from '../account/session.ts';
import { listAmendments } from '../api/amendments.ts';
import { listAnnotations } from '../api/annotations.ts';
import { getBill } from '../api/bills.ts';
import { Link, pathOf } from '../app/router.tsx';
import { useTitle } from '../app/useTitle.ts';
import { AmendmentDetail } from '../amendments/AmendmentDetail.tsx';
import { AmendmentList } from '../amendments/AmendmentList.tsx';
import { DeskScreen } from '../desk/DeskScreen.tsx';
import type { EvolutionSection } from '../evolution/sections.ts';
import { EventFeed } from '../feed/EventFeed.tsx';
import { useT } from '../i18n/i18n.ts';
import { BillEventsProvider, useReloadOn } from '../live/BillEvents.tsx';
import { ModerationScreen } from '../moderation/ModerationScreen.tsx';
import { useBillDoc } from '../live/useBillDoc.ts';
import { LiveText } from '../reader/LiveText.tsx';
import { VersionReader } from '../reader/VersionReader.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { lazy } from '../ui/lazy.tsx';
import { useAsync } from '../ui/useAsync.ts';
import { TalliesProvider } from '../votes/tallies.tsx';
import { PresenceBadge } from './PresenceBadge.tsx';
import { Timeline } from './Timeline.tsx';

// Journalists' views are loaded when first opened: most readers never do.
const EvolutionScreen = lazy(() => import('../evolution/EvolutionScreen.tsx').then((module) => module.EvolutionScreen));

/** Which view of a bill the URL asks for. */
export type BillView =
  | { kind: 'text'; articleNumber?: string }
  | { kind: 'version'; versionId: string; articleNumber?: string }
  | { kind: 'amendments' }
  | { kind: 'amendment'; amendmentId: string }
  | { kind: 'activity' }
  | { kind: 'desk' }
  | { kind: 'moderation' }
  | { kind: 'evolution'; section: EvolutionSection };

function Tabs({ bill, view, amendmentCount }: { bill: Bill; view: BillView; amendmentCount: number }) {
  const t = useT();
  const me = useSession();
  const tab = (href: string, label: string, current: boolean) => (
    <li>
      <Link href={href} aria-current={current ? 'page' : undefined}>
        {label}
      </Link>
    </li>
  );
  return (
    <nav class="tabs" aria-label={t('bill.views')}>
      <ul>
        {tab(pathOf('bills', bill.id), t('bill.liveText'), view.kind === 'text')}
        {tab(pathOf('bills', bill.id, 'amendments'), t('bill.amendments', { count: amendmentCount }), view.kind === 'amendments' || view.kind === 'amendment')}
        {tab(pathOf('bills', bill.id, 'activity'), t('bill.activity'), view.kind === 'activity')}
        {isRapporteurOf(me, bill.id) && tab(pathOf('bills', bill.id, 'desk'), t('bill.desk'), view.kind === 'desk')}
        {tab(pathOf('bills', bill.id, 'moderation'), t('bill.moderation'), view.kind === 'moderation')}
        {tab(pathOf('bills', bill.id, 'evolution'), t('bill.evolution'), view.kind === 'evolution')}
      </ul>
    </nav>
  );
}

function BillPage({ billId, view }: { billId: string; view: BillView }) {
  const t = useT();
  const me = useSession();
  const bill = useAsync(() => getBill(billId), [billId]);
  const threads = useAsync(() => listAnnotations(billId), [billId, me?.id]);
  const amendmentsLoad = useAsync(() => listAmendments(billId), [billId, me?.id]);
  const [amendments, setAmendments] = useState<Amendment[]>([]);
  const { connection, state } = useBillDoc(billId, me === undefined ? undefined : (me?.id ?? null));
  useTitle(bill.data?.shortTitle ?? bill.data?.title);

  useEffect(() => setAmendments(amendmentsLoad.data ?? []), [amendmentsLoad.data]);
  useReloadOn(['version.', 'rapporteur.', 'bill.'], bill.reload);
  useReloadOn(['annotation.', 'anchors.', 'moderation.'], threads.reload);
  useReloadOn(['amendment.', 'anchors.'], amendmentsLoad.reload);

  // An amendment changed here (drafted, deposited, decided) shows at once, before the live stream says so.
  const onAmendmentChanged = (changed: Amendment) =>
    setAmendments((list) => (list.some((a) => a.id === changed.id) ? list.map((a) => (a.id === changed.id ? changed : a)) : [...list, changed]));

  if (bill.error && !bill.data) return <ErrorMessage error={bill.error} />;
  if (!bill.data) return <p role="status">{t('common.loading')}</p>;
  const data = bill.data;
  const publicCount = amendments.filter((a) => a.status !== 'draft').length;

  return (
    <div class="bill-page">
      <header class="bill-header">
        <p class="breadcrumb">
          <Link href="/">{t('header.bills')}</Link>
        </p>
        <h1>{data.shortTitle || data.title}</h1>
        {data.shortTitle && data.title !== data.shortTitle && <p class="muted">{data.title}</p>}
        {data.rapporteurs.length > 0 && <p class="muted">{t('bill.rapporteurs', { names: data.rapporteurs.map((r) => r.displayName).join(', ') })}</p>}
        {state && <PresenceBadge presence={state.presence} live={state.synced} />}
      </header>
      <Timeline bill={data} currentVersionId={view.kind === 'version' ? view.versionId : undefined} />
      <Tabs bill={data} view={view} amendmentCount={publicCount} />
      <div class="bill-view">
        {view.kind === 'text' &&
          (connection && state ? (
            <LiveText
              billId={billId}
              connection={connection}
              state={state}
              threads={threads.data?.annotations ?? []}
              reloadThreads={threads.reload}
              amendments={amendments}
              onAmendmentChanged={onAmendmentChanged}
              focusNumber={view.articleNumber}
            />
          ) : (
            <p role="status">{t('reader.connecting')}</p>
          ))}
        {view.kind === 'version' && <VersionReader bill={data} versionId={view.versionId} focusNumber={view.articleNumber} />}
        {view.kind === 'amendments' && <AmendmentList billId={billId} amendments={amendments} onChanged={onAmendmentChanged} />}
        {view.kind === 'amendment' && (
          <AmendmentDetail
            billId={billId}
            amendment={amendments.find((a) => a.id === view.amendmentId)}
            amendments={amendments}
            live={connection && state ? { doc: connection.doc, articles: state.articles } : null}
            loading={amendmentsLoad.data === undefined}
            onChanged={onAmendmentChanged}
          />
        )}
        {view.kind === 'activity' && <EventFeed />}
        {view.kind === 'moderation' && <ModerationScreen billId={billId} />}
        {view.kind === 'evolution' && <EvolutionScreen bill={data} section={view.section} />}
        {view.kind === 'desk' && <DeskScreen billId={billId} connection={connection} state={state} amendments={amendments} onAmendmentChanged={onAmendmentChanged} />}
      </div>
    </div>
  );
}

export function BillScreen({ billId, view }: { billId: string; view: BillView }) {
  return (
    <BillEventsProvider billId={billId}>
      <TalliesProvider>
        <BillPage billId={billId} view={view} />
      </TalliesProvider>
    </BillEventsProvider>
  );
}
