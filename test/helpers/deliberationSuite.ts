/**
 * The frame every deliberation suite shares, so a test file says only what it tests: one suite per storage target
 * (skipped where the target is unavailable), each with its own server, the bootstrap admin and an anonymous reader;
 * on request, one bill that the suite's tests share and a rapporteur of it; and fresh bills with their cast for tests
 * that need a bill of their own. The suite's values exist once its server started: read them in tests and hooks.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { ADMIN_ENV, adminClient, signUp } from './apiFixtures.ts';
import { type BillWithArticles, createBillWithArticles, makeRapporteur } from './deliberationFixtures.ts';
import { storageTargets, targetTitle } from './storageTargets.ts';
import { ApiClient, startTestServer, type TestServer } from './testServer.ts';

/** Someone signed in: their client and user id. */
export interface Person {
  client: ApiClient;
  id: string;
}

/** What the suite's tests share besides the server: a bill, and a rapporteur of that bill. */
export interface SharedSetup {
  bill?: boolean;
  rapporteur?: boolean;
}

/**
 * A bill of one test's own: article 1er (`first`) reads "Premier alinéa.\nSecond alinéa.", article 2 (`second`)
 * "Unique alinéa de l’article 2."; with a rapporteur of it and a citizen.
 */
export interface World extends BillWithArticles {
  first: string;
  second: string;
  rapporteur: ApiClient;
  citizen: ApiClient;
  citizenId: string;
}

/** One suite's server and cast. */
export interface DeliberationSuite {
  readonly server: TestServer;
  readonly admin: ApiClient;
  readonly anonymous: ApiClient;
  /** The bill the suite's tests share (`{ bill: true }` or `{ rapporteur: true }`). */
  readonly world: BillWithArticles;
  /** A rapporteur of {@link DeliberationSuite.world} (`{ rapporteur: true }`). */
  readonly rapporteur: Person;
  /** A fresh bill with a rapporteur and a citizen. */
  newWorld(): Promise<World>;
}

interface Started {
  server: TestServer;
  admin: ApiClient;
  anonymous: ApiClient;
  world?: BillWithArticles;
  rapporteur?: Person;
}

/** Declares `<subject> on <target>` for every storage target; `define` declares its tests with the suite. */
export function describeDeliberation(subject: string, shared: SharedSetup, define: (suite: DeliberationSuite) => void): void {
  for (const target of storageTargets) {
    describe.skipIf(target.skipReason !== null)(`${subject} on ${targetTitle(target)}`, () => {
      let server: TestServer | undefined;
      let started: Started | undefined;
      const ready = (): Started => {
        if (!started) throw new Error(`the ${subject} suite's server is not started: read the suite in tests and hooks`);
        return started;
      };
      const asked = <T>(value: T | undefined, option: keyof SharedSetup): T => {
        if (value === undefined) throw new Error(`the ${subject} suite shares no ${option}: declare it with { ${option}: true }`);
        return value;
      };

      beforeAll(async () => {
        server = await startTestServer(target, ADMIN_ENV);
        const admin = await adminClient(server.url);
        const world = shared.bill || shared.rapporteur ? await createBillWithArticles(admin) : undefined;
        const rapporteur = world && shared.rapporteur ? await makeRapporteur(server.url, admin, world.bill.id) : undefined;
        started = { server, admin, anonymous: new ApiClient(server.url), world, rapporteur };
      });
      afterAll(() => server?.stop());

      define({
        get server() {
          return ready().server;
        },
        get admin() {
          return ready().admin;
        },
        get anonymous() {
          return ready().anonymous;
        },
        get world() {
          return asked(ready().world, 'bill');
        },
        get rapporteur() {
          return asked(ready().rapporteur, 'rapporteur');
        },
        async newWorld() {
          const { server: { url }, admin } = ready();
          const bill = await createBillWithArticles(admin);
          const rapporteur = await makeRapporteur(url, admin, bill.bill.id);
          const citizen = await signUp(url);
          return { ...bill, first: bill.articleIds[0] as string, second: bill.articleIds[1] as string, rapporteur: rapporteur.client, citizen: citizen.client, citizenId: citizen.me.id };
        },
      });
    });
  }
}
