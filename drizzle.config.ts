import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema files and committed; they are applied at start-up
// by src/server/db/migrate.ts on both PGlite and PostgreSQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema/index.ts',
  out: './src/server/db/migrations',
});
