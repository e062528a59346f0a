/**
 * An amendment in official form (AMEND7), shown beside its diff: the header line and the dispositif as the
 * assemblies word it. The wording is French whatever the interface language, so it is marked `lang="fr"`.
 */
import type { FormalWording } from '../../../shared/api/amendments.ts';
import { useT } from '../i18n/i18n.ts';

/** The header and dispositif of an amendment in official form; nothing when it changes nothing. */
export function FormalWordingView({ wording }: { wording: FormalWording }) {
  const t = useT();
  if (wording.dispositif.length === 0) return null;
  return (
    <figure class="formal-wording">
      <figcaption>{t('amendment.formalWording')}</figcaption>
      <div class="formal-wording-text" lang="fr">
        <p class="formal-wording-header">{wording.header}</p>
        {wording.dispositif.map((line, index) => (
          <p key={index}>{line}</p>
        ))}
      </div>
    </figure>
  );
}
