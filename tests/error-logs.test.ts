import { format } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { guarded } from "@/server/api/http";
import { installLogRedaction } from "@/lib/logging";

/*
 * A failing query's parameters (what people typed, emails, password and token hashes)
 * never reach the logs: the statement does, without them.
 */
const SECRET_HASH = "argon-hash-that-must-not-be-logged-0123";

async function failingInsert() {
  const db = await getDb();
  const email = `logged-${Date.now()}@example.org`;
  await db.insert(users).values({ name: "First", email, passwordHash: "x" });
  // The same email again: a unique violation, whose parameters include the hash.
  await db.insert(users).values({ name: "Second", email, passwordHash: SECRET_HASH });
  return email;
}

describe("error logs", () => {
  afterEach(() => vi.restoreAllMocks());

  it("an API error logs the failed statement without its parameters", async () => {
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(format(...args)));
    let email = "";
    const res = await guarded(async () => {
      email = `logged-${Date.now()}@example.org`;
      const db = await getDb();
      await db.insert(users).values({ name: "First", email, passwordHash: "x" });
      await db.insert(users).values({ name: "Second", email, passwordHash: SECRET_HASH });
      return new Response("unreachable");
    });
    expect(res.status).toBe(500);
    const text = logged.join("\n");
    expect(text).toMatch(/insert into "users"/);
    expect(text).not.toContain(SECRET_HASH);
    expect(text).not.toContain(email);
  });

  it("anything logged through console.error in the server drops query parameters too", async () => {
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(format(...args)));
    installLogRedaction();
    let email = "";
    try {
      email = await failingInsert();
    } catch (error) {
      console.error("page failed", error);
    }
    const text = logged.join("\n");
    expect(text).toMatch(/Query error: insert into "users"/);
    expect(text).not.toContain(SECRET_HASH);
    expect(text).not.toMatch(/logged-\d+@example\.org/);
  });
});
