/**
 * Branded identifiers: a BillId cannot be passed where a UserId is expected, though both are strings on the wire.
 */
import { z } from 'zod';

/** A bill (dossier législatif). */
export type BillId = string & { readonly __brand: 'BillId' };
/** A legislative step of a bill. */
export type StepId = string & { readonly __brand: 'StepId' };
/** The text of a bill at one step. */
export type VersionId = string & { readonly __brand: 'VersionId' };
/** An article's identity across versions. */
export type ArticleId = string & { readonly __brand: 'ArticleId' };
/** An amendment. */
export type AmendmentId = string & { readonly __brand: 'AmendmentId' };
/** A user account. */
export type UserId = string & { readonly __brand: 'UserId' };

const opaqueId = z.string().min(1).max(100);

/** Schema of a bill id in paths and bodies. */
export const BillIdSchema = opaqueId.transform((id) => id as BillId);
/** Schema of a version id. */
export const VersionIdSchema = opaqueId.transform((id) => id as VersionId);
/** Schema of a user id. */
export const UserIdSchema = opaqueId.transform((id) => id as UserId);
