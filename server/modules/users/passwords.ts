/**
 * Password hashing with argon2id, the OWASP-recommended algorithm, through the `argon2` binding.
 */
import argon2 from 'argon2';

/** Hashes a password for storage. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

// Verifying against this when the e-mail is unknown keeps the response time the same, so timing
// does not reveal which e-mails have accounts.
const dummyHash = hashPassword('not a real password, only here to spend the same time');

/** True when the password matches the stored hash; `null` hash (unknown user) still costs one verification. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  const ok = await argon2.verify(hash ?? (await dummyHash), password).catch(() => false);
  return hash !== null && ok;
}
