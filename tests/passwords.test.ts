import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as listTokensRoute, POST as tokenRoute } from "@/app/api/tokens/route";
import { getDb } from "@/db/client";
import { changePassword, requestPasswordReset, resetLinkIsValid, resetPassword } from "@/db/mutations/passwords";
import { emailOutbox, passwordResetTokens, users } from "@/db/schema";
import { createUser, getUserById } from "@/db/users";
import { checkCredentials } from "@/server/auth/credentials";
import { hashPassword } from "@/lib/passwords";

const OLD = "the old password";
const NEW = "a brand new password";

async function member() {
  const email = `pw-${crypto.randomBytes(5).toString("hex")}@example.org`;
  const created = await createUser({ name: "Robin", email, passwordHash: await hashPassword(OLD) });
  if (!created.ok) throw new Error("sign-up failed");
  return created.user;
}

async function outboxFor(userId: string) {
  const db = await getDb();
  return db.select().from(emailOutbox).where(eq(emailOutbox.userId, userId));
}

async function resetLinkToken(userId: string): Promise<string> {
  const mail = (await outboxFor(userId)).find((m) => m.type === "password_reset");
  const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail?.bodyText ?? "")?.[1];
  if (!token) throw new Error("no reset link was emailed");
  return token;
}

async function apiToken(email: string, password: string): Promise<string> {
  const res = await tokenRoute(new Request("http://hub.test/api/tokens", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password, name: "script" }) }));
  expect(res.status).toBe(201);
  return (await res.json()).token;
}

const tokenWorks = async (token: string) => (await listTokensRoute(new Request("http://hub.test/api/tokens", { headers: { authorization: `Bearer ${token}` } }))).status === 200;

describe("password reset by emailed link", () => {
  it("emails a single-use link, stores only its hash, and does nothing visible for an unknown email", async () => {
    const user = await member();
    await requestPasswordReset(user.email, "https://hub.example");
    const token = await resetLinkToken(user.id);
    const db = await getDb();
    const rows = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0].expiresAt.getTime() - rows[0].createdAt.getTime()).toBe(60 * 60_000);

    const before = (await db.select().from(emailOutbox)).length;
    await requestPasswordReset(`nobody-${user.email}`, "https://hub.example");
    expect((await db.select().from(emailOutbox)).length).toBe(before);
  });

  it("a used link is refused the second time, and the new password works while the old does not", async () => {
    const user = await member();
    await requestPasswordReset(user.email, "https://hub.example");
    const token = await resetLinkToken(user.id);
    expect(await resetLinkIsValid(token)).toBe(true);
    expect((await resetPassword(token, await hashPassword(NEW))).ok).toBe(true);
    expect(await resetLinkIsValid(token)).toBe(false);
    expect(await resetPassword(token, await hashPassword("someone else's try"))).toEqual({ ok: false, code: "invalid_link" });
    expect((await checkCredentials({ email: user.email, password: NEW })).ok).toBe(true);
    expect((await checkCredentials({ email: user.email, password: OLD })).ok).toBe(false);
    expect((await outboxFor(user.id)).some((m) => m.type === "password_changed")).toBe(true);
  });

  it("an expired link is refused", async () => {
    const user = await member();
    const anHourAndABitAgo = new Date(Date.now() - 61 * 60_000);
    await requestPasswordReset(user.email, "https://hub.example", anHourAndABitAgo);
    const token = await resetLinkToken(user.id);
    expect(await resetLinkIsValid(token)).toBe(false);
    expect(await resetPassword(token, await hashPassword(NEW))).toEqual({ ok: false, code: "invalid_link" });
    expect((await checkCredentials({ email: user.email, password: OLD })).ok).toBe(true);
  });

  it("after a reset every older session and API token is refused", async () => {
    const user = await member();
    const token = await apiToken(user.email, OLD);
    expect(await tokenWorks(token)).toBe(true);
    await requestPasswordReset(user.email, "https://hub.example");
    await resetPassword(await resetLinkToken(user.id), await hashPassword(NEW));
    expect(await tokenWorks(token)).toBe(false);
    expect((await getUserById(user.id))!.sessionVersion).toBe(user.sessionVersion + 1);
  });
});

describe("password change", () => {
  it("ends older sessions and tokens, spends open reset links and tells the member by email", async () => {
    const user = await member();
    const token = await apiToken(user.email, OLD);
    await requestPasswordReset(user.email, "https://hub.example");
    const link = await resetLinkToken(user.id);
    await changePassword(user.id, await hashPassword(NEW));
    expect(await tokenWorks(token)).toBe(false);
    expect(await resetLinkIsValid(link)).toBe(false);
    const db = await getDb();
    const [row] = await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, user.id));
    expect(row.sv).toBe(user.sessionVersion + 1);
    const mail = (await outboxFor(user.id)).find((m) => m.type === "password_changed");
    expect(mail?.subject).toMatch(/password was changed/);
    expect((await checkCredentials({ email: user.email, password: NEW })).ok).toBe(true);
  });
});
