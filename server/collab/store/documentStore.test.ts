import { sql } from 'drizzle-orm';
import { storageTargets } from '../../../test/helpers/storageTargets.ts';
import { runDocumentStoreContract } from './documentStore.contract.ts';
import { SqlDocumentStore } from './sqlDocumentStore.ts';

for (const target of storageTargets) {
  runDocumentStoreContract(
    `sql on ${target.name}`,
    async () => {
      const storage = await target.open();
      return {
        store: new SqlDocumentStore(storage.db),
        // A real database error raised by a row trigger on the commit row that holds these bytes.
        async rejectInBackend(bytes) {
          const hex = Buffer.from(bytes).toString('hex');
          await storage.db.execute(
            sql.raw(`create function reject_update() returns trigger language plpgsql as $$
              begin if position('\\x${hex}'::bytea in new.updates) > 0 then raise exception 'update rejected by test trigger'; end if; return new; end $$`),
          );
          await storage.db.execute(sql.raw('create trigger reject_update before insert on collab_commits for each row execute function reject_update()'));
        },
        close: () => storage.close(),
      };
    },
    target.skipReason,
  );
}
