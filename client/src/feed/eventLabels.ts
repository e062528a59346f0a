/** What each ledger entry type says in the activity feed. */
import type { MessageKey } from '../i18n/i18n.ts';

const labels: Record<string, MessageKey> = {
  'bill.created': 'event.billCreated',
  'bill.imported': 'event.billImported',
  'bill.reimported': 'event.billImported',
  'version.published': 'event.versionPublished',
  'rapporteur.granted': 'event.rapporteurGranted',
  'rapporteur.revoked': 'event.rapporteurRevoked',
  'annotation.created': 'event.annotationCreated',
  'annotation.replied': 'event.annotationReplied',
  'annotation.edited': 'event.annotationEdited',
  'annotation.reacted': 'event.annotationReacted',
  'annotation.unreacted': 'event.annotationReacted',
  'amendment.drafted': 'event.amendmentDrafted',
  'amendment.edited': 'event.amendmentEdited',
  'amendment.coauthor_invited': 'event.coauthorInvited',
  'amendment.coauthor_joined': 'event.coauthorJoined',
  'amendment.deposited': 'event.amendmentDeposited',
  'amendment.withdrawn': 'event.amendmentWithdrawn',
  'amendment.outcome': 'event.amendmentOutcome',
  'amendment.applied': 'event.amendmentApplied',
  'amendment.rebase_needed': 'event.amendmentRebase',
  'anchors.updated': 'event.anchorsUpdated',
  'argument.created': 'event.argumentCreated',
  'source.added': 'event.sourceAdded',
  'question.asked': 'event.questionAsked',
  'response.published': 'event.responsePublished',
  'report.filed': 'event.reportFiled',
  'moderation.hidden': 'event.moderationHidden',
  'moderation.restored': 'event.moderationRestored',
};

/** The message of an entry type (null: shown by its raw type). */
export const eventLabel = (type: string): MessageKey | null => labels[type] ?? null;
