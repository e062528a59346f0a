/** Who writes an amendment: its first author, co-authors, and those invited who have not answered yet. */
import type { Amendment } from '../../../shared/api/amendments.ts';
import { ContributorName } from '../annotations/AuthorLine.tsx';
import { useT } from '../i18n/i18n.ts';
import { standingLabels } from './labels.ts';

export function CoauthorList({ amendment, headingId }: { amendment: Amendment; headingId: string }) {
  const t = useT();
  return (
    <section class="coauthors" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('coauthors.title')}</h3>
      <ul class="coauthor-list">
        {amendment.authors.map((author) => (
          <li key={author.user.id} data-standing={author.status}>
            <ContributorName person={author.user} /> <span class={`badge standing-${author.status}`}>{t(standingLabels[author.status])}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
