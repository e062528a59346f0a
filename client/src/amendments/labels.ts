/** Amendment statuses, kinds, co-authors' standing and rapporteurs' avis in the interface language. */
import type { AmendmentAuthorSchema, AmendmentStatus } from '../../../shared/api/amendments.ts';
import type { Avis } from '../../../shared/api/responses.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import type { z } from 'zod';

export const statusLabels: Record<AmendmentStatus, MessageKey> = {
  draft: 'amendment.status.draft',
  deposited: 'amendment.status.deposited',
  adopted: 'amendment.status.adopted',
  rejected: 'amendment.status.rejected',
  withdrawn: 'amendment.status.withdrawn',
  fallen: 'amendment.status.fallen',
  inadmissible: 'amendment.status.inadmissible',
  not_moved: 'amendment.status.notMoved',
  not_voted: 'amendment.status.notVoted',
};

export const kindLabels: Record<string, MessageKey> = {
  replace: 'amendment.kind.replace',
  insert: 'amendment.kind.insert',
  delete: 'amendment.kind.delete',
  rewrite_article: 'amendment.kind.rewriteArticle',
  delete_article: 'amendment.kind.deleteArticle',
  add_article: 'amendment.kind.addArticle',
  sub_amendment: 'amendment.kind.subAmendment',
};

export const standingLabels: Record<z.infer<typeof AmendmentAuthorSchema>['status'], MessageKey> = {
  author: 'coauthors.standing.author',
  coauthor: 'coauthors.standing.coauthor',
  invited: 'coauthors.standing.invited',
};

export const avisLabels: Record<Avis, MessageKey> = {
  favorable: 'avis.favorable',
  defavorable: 'avis.defavorable',
  sagesse: 'avis.sagesse',
  retrait: 'avis.retrait',
};
