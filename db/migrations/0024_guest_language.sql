-- The language of the request in which a guest RSVP'd (lib/i18n/locales.ts): every email to
-- the guest is written in it. Guests who RSVP'd before it was kept read English, as they always have.
ALTER TABLE "guest_rsvps" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;
--> statement-breakpoint
ALTER TABLE "guest_rsvps" ADD CONSTRAINT "guest_rsvps_locale_known" CHECK ("locale" IN ('en', 'es'));
