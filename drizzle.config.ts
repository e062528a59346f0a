import { defineConfig } from 'drizzle-kit';

// Used only by `npm run db:generate` to write SQL migrations from the tables in server/storage/schema/. It reads
// them through the barrel server/storage/schema.ts, whose named re-exports keep the snapshots' table order (the
// folder itself would list the tables file by file).
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/storage/schema.ts',
  out: './server/storage/migrations',
});
