/**
 * The signal that a user's rights changed (role, rapporteur of a bill). Whoever holds live state derived from
 * those rights (open collaboration sockets, on every node) listens and drops it.
 */

/** Called after a change of rights is committed; it must not throw (a failure to notify does not undo the change). */
export type RightsChanged = (userId: string) => Promise<void>;

/** For callers with no live state to update (seeding, scripts). */
export const ignoreRightsChanges: RightsChanged = () => Promise.resolve();
