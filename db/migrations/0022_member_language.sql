-- The language a member chose for the hub's pages, emails, calendar text and notifications
-- (lib/i18n/locales.ts); null means "as my browser asks".
ALTER TABLE "users" ADD COLUMN "locale" text;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_locale_known" CHECK ("locale" IS NULL OR "locale" IN ('en', 'es'));
