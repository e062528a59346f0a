/** Accounts: who is signed in, sign up, sign in, sign out (httpOnly session cookie set by the server). */
import type { z } from 'zod';
import { type LoginBody, MeSchema, type SignupBodySchema } from '../../../shared/api/users.ts';
import { ApiError, call, callNoContent } from './http.ts';

/** `GET /me`, or null when nobody is signed in. */
export async function fetchMe() {
  try {
    return await call(MeSchema, 'GET', '/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** `POST /auth/signup` (the server validates; its field errors are shown by the form). */
export const signUp = (body: z.input<typeof SignupBodySchema>) => call(MeSchema, 'POST', '/auth/signup', body);

/** `POST /auth/login` */
export const logIn = (body: LoginBody) => call(MeSchema, 'POST', '/auth/login', body);

/** `POST /auth/logout` */
export const logOut = () => callNoContent('POST', '/auth/logout');
