import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { type CrisisLines, parseCrisisLines } from "./crisis-lines";
import { mapTilesFrom, mapTilesProblem, type MapTiles } from "./map-tiles";

/*
 * Every setting the hub reads, with its default. Documented in the README (Configuration); nothing else
 * reads process.env for configuration.
 */
const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  /**
   * `pgbouncer` when DATABASE_URL reaches PostgreSQL through PgBouncer (or another pooler) in
   * transaction mode: connections then carry no session settings (set lock_timeout and
   * statement_timeout in the pooler's connect_query instead), and whatever needs a session of
   * its own (migrations, under their advisory lock) connects to DIRECT_DATABASE_URL.
   */
  DATABASE_POOLER: z.enum(["none", "pgbouncer"]).default("none"),
  /** The same database reached directly, not through the pooler; defaults to DATABASE_URL. */
  DIRECT_DATABASE_URL: z.string().url().optional(),
  PGLITE_DATA_DIR: z.string().optional(),
  /** Folder of uploaded pictures (covers and members' photos); `.data/uploads` unless set. Shared by every instance. */
  UPLOADS_DIR: z.string().optional(),
  AUTH_SECRET: z.string().min(16, "must be at least 16 characters (e.g. `openssl rand -base64 32`)").optional(),
  SITE_URL: z
    .url()
    .refine((u) => /^https?:\/\//.test(u), "must start with http:// or https://")
    .transform((u) => u.replace(/\/+$/, ""))
    .optional(),
  SITE_NAME: z.string().default("Common Thread"),
  SITE_TIMEZONE: z.string().default("Europe/London"),
  SEED_DEMO: z.enum(["auto", "true", "false"]).default("auto"),
  /**
   * How many proxies in front of the hub append to X-Forwarded-For: "false"/"0" (none, the
   * default: the client address is the socket's, and X-Forwarded-Host/-Proto are ignored),
   * "true"/"1" (one), or a hop count. Zero is falsy, so `if (env().TRUST_PROXY)` reads "behind a proxy".
   */
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((v) => v.trim().toLowerCase())
    .refine((v) => /^(true|false|\d{1,2})$/.test(v), "must be true, false or a number of proxies")
    .transform((v) => (v === "true" ? 1 : v === "false" ? 0 : Number(v))),
  SIGN_UP_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(20),
  SIGN_IN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  /** The help page's crisis lines: JSON with a region (or the older Markdown list); see lib/crisis-lines.ts. */
  CRISIS_LINES: z
    .string()
    .optional()
    .transform((v, ctx): CrisisLines | undefined => {
      if (v === undefined || v.trim() === "") return undefined;
      const read = parseCrisisLines(v);
      if (read.ok) return read.value;
      ctx.addIssue({ code: "custom", message: read.problem });
      return z.NEVER;
    }),
  HELP_INTRO: z.string().optional(),
  /** `smtp://user:pass@host:587` or `smtps://…`; with MAIL_FROM, email is sent through it. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).optional(),
  /** `off` turns the background job runner off for this instance (web-only instances). */
  JOBS: z.enum(["on", "off"]).default("on"),
  /** `on` serves /dev/mailbox even in production (for test runs only); `auto` serves it outside production. */
  DEV_MAILBOX: z.enum(["auto", "on", "off"]).default("auto"),
  /** Sending attempts before an email is marked failed and shown to admins. */
  EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  /** Only the end-to-end test server sets this: it opens /api/test/nudges, which runs the nudge job at a chosen time. */
  E2E_TEST_HOOKS: z.enum(["true", "false"]).default("false"),
  /** `on` offers the test-only pseudo-locale "en-XA", which wraps every catalog message in ⟦ ⟧ (lib/i18n/locales.ts): set by the browser tests only. */
  PSEUDO_LOCALE: z.enum(["on", "off"]).default("off"),
  /** `on` counts the SQL statements each request runs and serves them at /api/health/statements (benchmarks and tests). */
  SQL_STATEMENT_PROBE: z.enum(["on", "off", "explain"]).default("off"),
  /**
   * `on` checks every API answer against the OpenAPI document before it is sent, and answers 500
   * (and logs why) when one does not match: set by the test suites (vitest.config.mts,
   * playwright.config.ts), never by a real site, where it would only cost time.
   */
  API_RESPONSE_CHECK: z.enum(["on", "off"]).default("off"),
  /**
   * Map tiles, a URL template with {z}, {x} and {y}: OpenStreetMap's by default; set empty, the
   * hub shows no maps (addresses and "Open in a map" links stay). lib/map-tiles.ts.
   */
  MAP_TILES_URL: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      const problem = v === undefined ? null : mapTilesProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  /** The credit shown under maps; OpenStreetMap's by default. Plain text. */
  MAP_TILES_ATTRIBUTION: z.string().max(200).optional(),
  /**
   * Single sign-on with an OpenID Connect provider: its issuer URL (discovery is read from
   * `<issuer>/.well-known/openid-configuration`), the client this hub is registered as, and the
   * name the sign-in button shows. Off (no button, and the sign-in route refuses) unless the
   * issuer, client id and secret are all set.
   */
  OIDC_ISSUER: z.url().optional().or(z.literal("").transform(() => undefined)),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().max(60).optional(),
  /**
   * Web Push's VAPID key pair (base64url, as `npx web-push generate-vapid-keys` prints them): the
   * hub signs what it sends push services with the private key, and browsers accept only pushes
   * signed by the public one. Both or neither; when neither is set, a pair is generated once and
   * kept in the data folder, like AUTH_SECRET. Changing them makes every device subscribe again.
   */
  VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{87}$/, "must be a P-256 public key in base64url (87 characters)").optional(),
  VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be a P-256 private key in base64url (43 characters)").optional(),
  /** Who push services may contact about this hub's pushes: a `mailto:` address or an `https:` URL; SITE_URL (when https) or mailto:push@<site's host> unless set. */
  VAPID_SUBJECT: z
    .string()
    .refine((v) => /^(mailto:\S+@\S+|https:\/\/\S+)$/.test(v), "must be a mailto: address or an https:// URL")
    .optional(),
  /** `off` stops this instance keeping public pages, visitors' and members' (server/page-cache.ts). */
  PAGE_CACHE: z.enum(["on", "off"]).default("on"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid configuration: ${fields}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** What is wrong with the settings, in words, or null when the server can run with them. */
export function configurationProblem(): string | null {
  try {
    const settings = env();
    if (settings.DATABASE_POOLER === "pgbouncer" && !settings.DIRECT_DATABASE_URL) {
      return "Invalid configuration: DIRECT_DATABASE_URL must be set when DATABASE_POOLER=pgbouncer: migrations hold a session of their own, which a pooler in transaction mode cannot give.";
    }
    if (Boolean(settings.VAPID_PUBLIC_KEY) !== Boolean(settings.VAPID_PRIVATE_KEY)) {
      return "Invalid configuration: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together: set both (a pair from `npx web-push generate-vapid-keys`) or neither.";
    }
    if (settings.DATABASE_URL && process.env.NODE_ENV === "production" && !settings.AUTH_SECRET) {
      return "Invalid configuration: AUTH_SECRET must be set (at least 16 characters) when running in production on PostgreSQL.";
    }
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Where uploaded pictures are kept: UPLOADS_DIR, else `uploads` in the data folder beside the embedded database. */
export function uploadsDir(): string {
  return path.resolve(env().UPLOADS_DIR || path.join(process.cwd(), ".data", "uploads"));
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the sign-in button calls the provider ("Sign in with <name>"). */
  name: string;
}

/** The single sign-on provider's settings, or null when single sign-on is off. */
export function oidcSettings(): OidcSettings | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME } = env();
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return null;
  return { issuer: OIDC_ISSUER, clientId: OIDC_CLIENT_ID, clientSecret: OIDC_CLIENT_SECRET, name: OIDC_NAME?.trim() || "your organisation" };
}

/** Forgets the parsed settings, so the next read sees process.env again (tests change settings). */
export function reloadEnv(): void {
  cached = undefined;
}

/**
 * AUTH_SECRET signs session cookies. When it is not set (the zero-setup start), one is
 * generated once and kept beside the embedded database, so sessions survive restarts.
 * A PostgreSQL deployment in production must set it.
 */
export function authSecret(): string {
  const configured = env().AUTH_SECRET;
  if (configured) return configured;
  if (env().DATABASE_URL && process.env.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET must be set when running in production on PostgreSQL.");
  }
  const file = path.join(process.cwd(), ".data", "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

/**
 * The VAPID key pair that signs Web Push messages: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY when
 * set, otherwise a pair generated once and kept beside the embedded database (as AUTH_SECRET
 * is), so devices stay subscribed across restarts. Null in production on PostgreSQL without
 * the settings: instances there must share one pair, so push stays off until it is set.
 */
export function vapidKeys(): VapidKeys | null {
  const settings = env();
  const subject = settings.VAPID_SUBJECT ?? defaultVapidSubject();
  if (settings.VAPID_PUBLIC_KEY && settings.VAPID_PRIVATE_KEY) return { publicKey: settings.VAPID_PUBLIC_KEY, privateKey: settings.VAPID_PRIVATE_KEY, subject };
  if (settings.DATABASE_URL && process.env.NODE_ENV === "production") return null;
  const file = path.join(process.cwd(), ".data", "vapid-keys.json");
  const read = () => JSON.parse(fs.readFileSync(file, "utf8")) as Omit<VapidKeys, "subject">;
  try {
    return { ...read(), subject };
  } catch {
    // A P-256 pair: the public key as an uncompressed point (65 bytes), the private one as 32 bytes.
    const ecdh = crypto.createECDH("prime256v1");
    ecdh.generateKeys();
    const privateKey = ecdh.getPrivateKey();
    const pair = { publicKey: ecdh.getPublicKey().toString("base64url"), privateKey: Buffer.concat([Buffer.alloc(32 - privateKey.length), privateKey]).toString("base64url") };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, JSON.stringify(pair), { flag: "wx", mode: 0o600 });
      return { ...pair, subject };
    } catch {
      // Another process wrote it first: theirs is the one.
      return { ...read(), subject };
    }
  }
}

function defaultVapidSubject(): string {
  const site = env().SITE_URL;
  if (site?.startsWith("https://")) return site;
  return `mailto:push@${site ? new URL(site).hostname : "localhost"}`;
}

/**
 * The origin for links that leave the site when no request is at hand (emails written by a
 * background job, calendar feeds): SITE_URL when set, otherwise this server on localhost.
 */
export function siteUrl(): string {
  const configured = env().SITE_URL;
  if (configured) return configured;
  return `http://localhost:${process.env.PORT || 3000}`;
}

/** SMTP settings when both SMTP_URL and MAIL_FROM are set; otherwise email stays in the outbox for /dev/mailbox. */
export function smtpSettings(): { url: string; from: string } | null {
  const { SMTP_URL, MAIL_FROM } = env();
  return SMTP_URL && MAIL_FROM ? { url: SMTP_URL, from: MAIL_FROM } : null;
}

/** The map tiles pages show, or null when maps are off. */
export function mapTiles(): MapTiles | null {
  const { MAP_TILES_URL, MAP_TILES_ATTRIBUTION } = env();
  return mapTilesFrom(MAP_TILES_URL, MAP_TILES_ATTRIBUTION);
}

/** The development mailbox is served outside production, or when DEV_MAILBOX=on says so explicitly. */
export function devMailboxEnabled(): boolean {
  const mode = env().DEV_MAILBOX;
  if (mode === "on") return true;
  if (mode === "off") return false;
  return process.env.NODE_ENV !== "production";
}
