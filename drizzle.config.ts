import { defineConfig } from 'drizzle-kit';

// Used only by `npm run db:generate` to write SQL migrations from server/storage/schema.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/storage/schema.ts',
  out: './server/storage/migrations',
});
