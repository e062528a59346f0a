/** Who is here: how many read the text now, and which rapporteurs are editing it (not a live region: counts move often). */
import { useT } from '../i18n/i18n.ts';
import type { Presence } from '../live/billDoc.ts';

export function PresenceBadge({ presence, live }: { presence: Presence; live: boolean }) {
  const t = useT();
  return (
    <p class="presence">
      <span class={`dot${live ? ' live' : ''}`} aria-hidden="true" />
      <span data-testid="reader-count">{t('presence.readers', { count: presence.readers })}</span>
      {presence.writers.length > 0 && (
        <span class="writers">
          {' · '}
          {t('presence.editing')}{' '}
          {presence.writers.map((writer, index) => (
            <span key={writer.clientId} class="writer">
              <span class="swatch" style={{ background: writer.color }} aria-hidden="true" />
              {writer.name}
              {index < presence.writers.length - 1 ? ', ' : ''}
            </span>
          ))}
        </span>
      )}
    </p>
  );
}
