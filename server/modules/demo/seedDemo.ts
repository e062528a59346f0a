/**
 * Seeds the demo content on a first start: one account per role and the demo bill, with the
 * parliamentarian named its rapporteur. Running it again changes nothing.
 */
import { eq } from 'drizzle-orm';
import type { Role } from '../../../shared/api/users.ts';
import type { UserId } from '../../../shared/ids.ts';
import type { User } from '../../common/actor.ts';
import { newId } from '../../common/ids.ts';
import type { Database } from '../../storage/database.ts';
import { bills, users } from '../../storage/schema.ts';
import { saveBillContent } from '../bills/index.ts';
import { appendEvent } from '../ledger/index.ts';
import { createAccount, grantRapporteur } from '../users/index.ts';
import { DEMO_SOURCE_REF, demoBill } from './demoBill.ts';

/** The shared password of every demo account (they only exist in the embedded demo). */
export const DEMO_PASSWORD = 'demo-password';

/** One demo account per role. */
export const DEMO_ACCOUNTS: { email: string; displayName: string; role: Role }[] = [
  { email: 'admin@demo.loi.live', displayName: 'Alex Admin', role: 'admin' },
  { email: 'depute@demo.loi.live', displayName: 'Camille Rapporteure', role: 'parliamentarian' },
  { email: 'moderation@demo.loi.live', displayName: 'Dominique Modère', role: 'moderator' },
  { email: 'citoyen@demo.loi.live', displayName: 'Sacha Citoyen', role: 'citizen' },
  { email: 'asso@demo.loi.live', displayName: 'Association Données Ouvertes', role: 'organisation' },
];

/** What seeding found or did. */
export interface DemoSeed {
  seeded: boolean;
  billId: string;
  accounts: typeof DEMO_ACCOUNTS;
}

/** Creates the demo accounts and bill unless they exist. */
export async function seedDemo(db: Database): Promise<DemoSeed> {
  const [existing] = await db.select({ id: bills.id }).from(bills).where(eq(bills.sourceRef, DEMO_SOURCE_REF));
  if (existing) return { seeded: false, billId: existing.id, accounts: DEMO_ACCOUNTS };

  const accounts = new Map<Role, User>();
  for (const account of DEMO_ACCOUNTS) {
    const [found] = await db.select({ id: users.id }).from(users).where(eq(users.email, account.email));
    const user = found ? { ...account, id: found.id as UserId } : await createAccount(db, { ...account, password: DEMO_PASSWORD });
    accounts.set(account.role, user);
  }
  const admin = accounts.get('admin') as User;
  const billId = newId();
  await db.transaction(async (tx) => {
    const summary = await saveBillContent(tx, billId, demoBill);
    await appendEvent(tx, { billId, type: 'bill.created', actorId: admin.id, payload: { title: demoBill.title, demo: true, ...summary } });
  });
  await grantRapporteur(db, admin, billId, (accounts.get('parliamentarian') as User).id);
  return { seeded: true, billId, accounts: DEMO_ACCOUNTS };
}
