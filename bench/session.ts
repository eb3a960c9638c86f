/*
 * Members for the benchmark: a session cookie through the credentials sign-in (as a browser
 * does: CSRF token, then the form post with an Origin header), and personal access tokens for
 * the API's RSVP writes.
 */

export interface Member {
  email: string;
  password: string;
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

/** Signs in and returns the Cookie header that carries the session. */
export async function signIn(base: string, member: Member): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: base },
    body: new URLSearchParams({ csrfToken, email: member.email, password: member.password, callbackUrl: `${base}/` }).toString(),
  });
  const session = cookiesOf(res).filter((c) => c.includes("session-token"));
  if (session.length === 0) throw new Error(`Signing in as ${member.email} gave no session (status ${res.status}).`);
  const cookie = session.join("; ");
  const who = (await (await fetch(`${base}/api/auth/session`, { headers: { cookie } })).json()) as { user?: { email?: string } };
  if (who.user?.email !== member.email) throw new Error(`The session after signing in is not ${member.email}'s.`);
  return cookie;
}

const post = (base: string, p: string, body: unknown) =>
  fetch(base + p, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

export async function signUp(base: string, name: string, member: Member): Promise<void> {
  const res = await post(base, "/api/users", { name, email: member.email, password: member.password });
  if (res.status !== 201) throw new Error(`Signing up ${member.email} answered ${res.status}: ${await res.text()}`);
}

export async function apiToken(base: string, member: Member): Promise<string> {
  const res = await post(base, "/api/tokens", { email: member.email, password: member.password, name: "benchmark" });
  if (res.status !== 201) throw new Error(`A token for ${member.email} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Runs `work` over `items`, a few at a time. */
export async function inBatches<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map(work))));
  return out;
}
