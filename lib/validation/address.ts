/*
 * What an address may carry before anything reads it. Every route and query parameter comes
 * from here, so the rule lives once, in front of them all (proxy.ts), rather than in each
 * page or query: a %-encoding that cannot be decoded names nothing, and a NUL (%00) is a
 * character no link or form of ours writes and PostgreSQL refuses to read in text.
 */

export type AddressProblem = { kind: "malformed" | "nul"; message: string };

const NUL_MESSAGE = "The address is not valid: it contains a NUL character (%00). Remove it and try again.";

/** Why this path and query can name nothing, or null when they are fine to read. */
export function addressProblem(pathname: string, search: string): AddressProblem | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return { kind: "malformed", message: "The address is not valid: it has a malformed %-encoding." };
  }
  if (path.includes("\u0000")) return { kind: "nul", message: NUL_MESSAGE };
  // URLSearchParams decodes as a page or route handler will; a bad %-sequence stays literal there.
  for (const [name, value] of new URLSearchParams(search)) {
    if (name.includes("\u0000") || value.includes("\u0000")) return { kind: "nul", message: NUL_MESSAGE };
  }
  return null;
}

/** The page a person sees for an address carrying a NUL: plain, and needing nothing from the server. */
export function badAddressPage(message: string): string {
  const escaped = message.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>That address isn't valid · Common Thread</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; padding: 3rem 1.5rem; background: #fbfaf7; color: #1f2a24; line-height: 1.5; }
  main { max-width: 36rem; margin: 0 auto; }
  h1 { font-size: 1.6rem; }
  a { color: #1d5c46; }
  @media (prefers-color-scheme: dark) { body { background: #151a17; color: #e9efe9; } a { color: #9bd5bd; } }
</style>
</head>
<body>
<main>
  <h1>That address isn't valid</h1>
  <p>${escaped}</p>
  <p><a href="/">Go to the home page</a></p>
</main>
</body>
</html>`;
}
