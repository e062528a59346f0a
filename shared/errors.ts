/**
 * Stable error ids, shared by server and client. Each is the `code` of an HTTP problem response
 * (RFC 9457) and never changes meaning once published.
 */
export const ErrorCode = {
  /** The request body, query or path does not match the endpoint's schema; `errors` lists each problem. */
  validationFailed: 'validation_failed',
  /** The JSON body could not be parsed at all. */
  malformedJson: 'malformed_json',
  /** The body is larger than the endpoint accepts. */
  payloadTooLarge: 'payload_too_large',
  /** No route answers this method and path. */
  routeNotFound: 'route_not_found',
  /** The bill does not exist. */
  billNotFound: 'bill_not_found',
  /** The version does not exist in this bill. */
  versionNotFound: 'version_not_found',
  /** No article with this number exists in any version of the bill. */
  articleNotFound: 'article_not_found',
  /** No shared document has this name (unknown kind, or no such bill or draft). */
  documentNotFound: 'document_not_found',
  /** The user does not exist. */
  userNotFound: 'user_not_found',
  /** The action needs a signed-in user. */
  authenticationRequired: 'authentication_required',
  /** Wrong e-mail or password. */
  invalidCredentials: 'invalid_credentials',
  /** The signed-in user's role does not allow the action. */
  forbidden: 'forbidden',
  /** An account with this e-mail already exists. */
  emailTaken: 'email_taken',
  /** Only a parliamentarian can be named rapporteur of a bill. */
  notParliamentarian: 'not_parliamentarian',
  /** A bill with this source reference already exists. */
  sourceRefTaken: 'source_ref_taken',
  /** Import source (La Fabrique files) is missing, unreadable or not in the expected format; `file` and `field` say where. */
  importInvalid: 'import_invalid',
  /** The import source could not be fetched (network error, HTTP error). */
  importUnreachable: 'import_unreachable',
  /** No annotation (or reply) with this id in this bill. */
  annotationNotFound: 'annotation_not_found',
  /** No amendment with this id (drafts are visible to their authors only). */
  amendmentNotFound: 'amendment_not_found',
  /** No argument with this id. */
  argumentNotFound: 'argument_not_found',
  /** No source with this id. */
  sourceNotFound: 'source_not_found',
  /** No question with this id. */
  questionNotFound: 'question_not_found',
  /** No report with this id. */
  reportNotFound: 'report_not_found',
  /** No amendment, annotation or question with this id that the caller may see. */
  contributionNotFound: 'contribution_not_found',
  /** A what-if applies only deposited amendments awaiting a decision; this one is a draft, decided, withdrawn, imported or hidden. */
  amendmentNotPending: 'amendment_not_pending',
  /** The contribution is not in a state that allows this (e.g. deciding on a draft, editing a deposited amendment). */
  invalidTransition: 'invalid_transition',
  /** The anchor does not fit the current text: quote not found, ambiguous, or not what the positions cover. */
  anchorInvalid: 'anchor_invalid',
  /** This user already reported this contribution. */
  alreadyReported: 'already_reported',
  /** Moderators cannot moderate their own contributions. */
  ownContent: 'own_content',
  /** Too many requests from this client; retry after the time given in Retry-After. */
  rateLimited: 'rate_limited',
  /** A live-stream connection already follows as many bills as it may; unsubscribe from one first. */
  tooManySubscriptions: 'too_many_subscriptions',
  /** This client address already holds as many live-stream connections on the server as it may; close one first. */
  tooManyConnections: 'too_many_connections',
  /** No webhook with this id among the signed-in user's own. */
  webhookNotFound: 'webhook_not_found',
  /** The webhook URL points where deliveries may not go (a private, loopback or unresolvable address). */
  webhookUrlRefused: 'webhook_url_refused',
  /** The user already has as many webhooks as one may; delete one first. */
  tooManyWebhooks: 'too_many_webhooks',
  /** The git export needs the `git` program, which this server does not have. */
  gitUnavailable: 'git_unavailable',
  /** The server's workers for long computations are all taken; retry after the time given in Retry-After. */
  serverBusy: 'server_busy',
  /** Something failed on the server; the request changed nothing. */
  internal: 'internal_error',
} as const;

/** One of the stable error ids. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
