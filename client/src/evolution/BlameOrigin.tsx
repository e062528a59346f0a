/** Where the words of one run come from, in full: step, amendment, its authors with their badges, the rapporteur. */
import type { BlameRun } from '../../../shared/api/blame.ts';
import type { Contributor } from '../../../shared/api/contributions.ts';
import { Link, pathOf } from '../app/router.tsx';
import { type MessageKey, useT } from '../i18n/i18n.ts';

const badges: Record<Contributor['kind'], MessageKey> = {
  citizen: 'badge.citizen',
  organisation: 'badge.organisation',
  official: 'badge.official',
  staff: 'badge.staff',
};

/** A run, with what the page knows about where it stands. */
export interface ShownRun {
  articleNumber: string;
  run: BlameRun;
  stepNumber: number;
  stepLabel: string;
}

function Authors({ authors }: { authors: Contributor[] }) {
  const t = useT();
  return (
    <ul class="blame-authors">
      {authors.map((author) => (
        <li key={author.id}>
          <strong>{author.displayName}</strong> <span class={`badge badge-${author.kind}`}>{t(badges[author.kind])}</span>
          {author.organisationRegister && <span class="muted"> {author.organisationRegister}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The origin panel: follows the run under the pointer or the keyboard focus; read aloud when it changes. */
export function BlameOrigin({ billId, shown }: { billId: string; shown: ShownRun | null }) {
  const t = useT();
  return (
    <aside class="blame-origin" aria-labelledby="blame-origin-title">
      <h4 id="blame-origin-title">{t('evolution.blame.originTitle')}</h4>
      <div aria-live="polite">
        {!shown && <p class="muted">{t('evolution.blame.originHint')}</p>}
        {shown && (
          <>
            <p>
              {t('evolution.blame.originStep', { number: shown.articleNumber, step: shown.stepNumber, label: shown.stepLabel })}
            </p>
            {shown.run.amendment && (
              <p>
                <Link href={pathOf('bills', billId, 'amendments', shown.run.amendment.id)}>
                  {shown.run.amendment.number ? t('amendment.numbered', { number: shown.run.amendment.number }) : t('amendment.kind.other')}
                </Link>
              </p>
            )}
            {shown.run.authors && shown.run.authors.length > 0 && <Authors authors={shown.run.authors} />}
            {shown.run.rapporteur && <p>{t('evolution.blame.rapporteur', { name: shown.run.rapporteur.displayName })}</p>}
            {!shown.run.amendment && !shown.run.authors && <p class="muted">{t('evolution.blame.stepOnly')}</p>}
          </>
        )}
      </div>
    </aside>
  );
}
