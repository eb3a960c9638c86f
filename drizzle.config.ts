import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema.ts and committed as SQL; the app applies them
// with drizzle-orm's migrator (scripts/migrate.ts, and on server start).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
