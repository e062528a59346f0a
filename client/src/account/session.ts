/** Who is signed in, for the whole app: loaded once at start, changed by sign-in, sign-up and sign-out. */
import type { Me } from '../../../shared/api/users.ts';
import { fetchMe, logIn, logOut, signUp } from '../api/accounts.ts';
import { createStore, useStore } from '../app/store.ts';

/** The signed-in user (null: anonymous; undefined: not known yet). */
export const session = createStore<Me | null | undefined>(undefined);

/** The signed-in user, following changes. */
export const useSession = () => useStore(session);

/** Asks the server who we are (the session cookie is httpOnly, so only the server knows). */
export async function loadSession(): Promise<void> {
  try {
    session.set(await fetchMe());
  } catch {
    session.set(null);
  }
}

/** Signs in; the server sets the session cookie. */
export async function signIn(email: string, password: string): Promise<Me> {
  const me = await logIn({ email, password });
  session.set(me);
  return me;
}

/** Creates an account and signs in. */
export async function register(input: Parameters<typeof signUp>[0]): Promise<Me> {
  const me = await signUp(input);
  session.set(me);
  return me;
}

/** Signs out (the server revokes the session). */
export async function signOut(): Promise<void> {
  await logOut();
  session.set(null);
}

/** Whether the user is a rapporteur of the bill (may edit its live text and decide on its amendments). */
export const isRapporteurOf = (me: Me | null | undefined, billId: string) => me?.rapporteurOf.includes(billId) ?? false;
