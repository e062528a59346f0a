/** A text's evolution as journalists read it: the article × step grid, diffs, blame, timeline, amendment counts, statistics. */
import { VersionBlameSchema } from '../../../shared/api/blame.ts';
import { ArticleGridSchema, BillStatsSchema, VersionDiffSchema } from '../../../shared/api/history.ts';
import { AmendmentSummarySchema, TimelineSchema } from '../../../shared/api/timeline.ts';
import { API_BASE, call, query, seg } from './http.ts';

const bill = (billId: string) => `/bills/${seg(billId)}`;

/** `GET /bills/:id/articles/grid`: every article at every step, as La Fabrique's article view draws it (HIST8). */
export const getArticleGrid = (billId: string) => call(ArticleGridSchema, 'GET', `${bill(billId)}/articles/grid`);

/** `GET /bills/:id/diff?from=&to=`: article by article, the word diff between two versions (DIFF3). */
export const diffVersions = (billId: string, from: string, to: string) =>
  call(VersionDiffSchema, 'GET', `${bill(billId)}/diff${query({ from, to })}`);

/** `GET /bills/:id/versions/:versionId/blame`: each word's origin (BLAME1). */
export const getVersionBlame = (billId: string, versionId: string) =>
  call(VersionBlameSchema, 'GET', `${bill(billId)}/versions/${seg(versionId)}/blame`);

/** `GET /bills/:id/timeline`: steps, their texts' sizes and amendment counts (TIME1). */
export const getTimeline = (billId: string) => call(TimelineSchema, 'GET', `${bill(billId)}/timeline`);

/** `GET /bills/:id/amendments/summary`: amendments by outcome, group, origin and subject (TIME4). */
export const getAmendmentSummary = (billId: string) => call(AmendmentSummarySchema, 'GET', `${bill(billId)}/amendments/summary`);

/** `GET /bills/:id/stats`: La Fabrique's figures, recomputed (STAT3). */
export const getBillStats = (billId: string) => call(BillStatsSchema, 'GET', `${bill(billId)}/stats`);

/** Absolute paths of a bill's downloads (links, not calls: the browser fetches them itself). */
export const exportUrls = (billId: string, latestVersionId: string | null) => ({
  json: `${API_BASE}${bill(billId)}/export`,
  csv: `${API_BASE}${bill(billId)}/export${query({ format: 'csv' })}`,
  readme: `${API_BASE}${bill(billId)}/export/README`,
  laFabrique: `${API_BASE}${bill(billId)}/export/lafabrique`,
  git: `${API_BASE}${bill(billId)}/export/git`,
  akomaNtoso: latestVersionId ? `${API_BASE}${bill(billId)}/versions/${seg(latestVersionId)}/akn` : null,
  atom: `${API_BASE}${bill(billId)}/feed.atom`,
});
