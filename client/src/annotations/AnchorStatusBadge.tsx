import type { AnchorStatus } from '../../../shared/anchors/index.ts';
import { useT } from '../i18n/i18n.ts';

/** Says when an anchored passage changed (drifted) or is gone (orphan); nothing when it still reads the same. */
export function AnchorStatusBadge({ status }: { status: AnchorStatus | null }) {
  const t = useT();
  if (status === null || status === 'ok') return null;
  return <span class={`badge badge-${status}`}>{t(status === 'drifted' ? 'anchor.drifted' : 'anchor.orphan')}</span>;
}
