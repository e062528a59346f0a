/** A published version of the text (the one a step produced), article by article, each with a deep link. */
import { useEffect } from 'preact/hooks';
import type { Bill } from '../../../shared/api/bills.ts';
import { getVersion } from '../api/bills.ts';
import { Link, pathOf } from '../app/router.tsx';
import { stageLabel } from '../bill/stepLabels.ts';
import { formatDate, useLanguage, useT } from '../i18n/i18n.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { useAsync } from '../ui/useAsync.ts';
import { ArticleView, articleDomId } from './ArticleView.tsx';

export function VersionReader({ bill, versionId, focusNumber }: { bill: Bill; versionId: string; focusNumber: string | undefined }) {
  const t = useT();
  const lang = useLanguage();
  const version = useAsync(() => getVersion(bill.id, versionId), [bill.id, versionId]);
  const data = version.data?.id === versionId ? version.data : undefined;

  useEffect(() => {
    if (data && focusNumber) document.getElementById(articleDomId(focusNumber))?.scrollIntoView({ block: 'start' });
  }, [data, focusNumber]);

  return (
    <div class="reader version-reader">
      <h2 data-route-focus tabIndex={-1}>
        {data ? t('version.title', { title: stageLabel(t, data) }) : t('common.loading')}
      </h2>
      <ErrorMessage error={version.error} />
      {data && (
        <>
          <p class="muted">
            {data.title}
            {data.date && ` · ${formatDate(lang, data.date)}`} · <Link href={pathOf('bills', bill.id)}>{t('version.backToLive')}</Link>
          </p>
          {data.articles.map((article) => (
            <ArticleView
              key={article.articleId}
              articleId={article.articleId}
              number={article.number}
              status={article.status}
              text={article.alineas.join('\n')}
              href={pathOf('bills', bill.id, 'versions', data.id, 'articles', article.number)}
              focused={article.number === focusNumber}
            />
          ))}
        </>
      )}
    </div>
  );
}
