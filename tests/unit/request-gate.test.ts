import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { installRequestGate, useActionManifest } from "@/server/request-gate";
import { jsonDepth } from "@/lib/security/action-posts";

/*
 * The gate in front of every request, on a real HTTP server whose handler stands in for Next:
 * it answers what it was given (headers and body), so a test sees what Next would have seen.
 */

let server: http.Server;
let base = "";
const seen: { headers: http.IncomingHttpHeaders; body: string }[] = [];

const ACTION = "7f00000000000000000000000000000000000000aa";
const OTHER_BUILD = "7f00000000000000000000000000000000000000bb";

beforeAll(async () => {
  // The build's action ids, as next build writes them: this server has ACTION only.
  const manifest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gate-")), "server-reference-manifest.json");
  fs.writeFileSync(manifest, JSON.stringify({ node: { [ACTION]: { workers: {} } }, edge: {} }));
  useActionManifest(manifest);
  installRequestGate();
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({ headers: { ...req.headers }, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("handled");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const action = (body: BodyInit | undefined, headers: Record<string, string> = {}) =>
  fetch(`${base}/activities/x`, { method: "POST", headers: { "next-action": ACTION, ...(body instanceof FormData ? {} : { "content-type": "text/plain;charset=UTF-8" }), ...headers }, body });

function multipart(fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

describe("forwarding headers without a trusted proxy", () => {
  it("X-Forwarded-Host, -Proto, -For and Forwarded a client sends never reach the server behind the gate", async () => {
    const before = seen.length;
    const res = await fetch(`${base}/activities`, { headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-forwarded-for": "6.6.6.6", forwarded: "host=evil.example", "x-real-ip": "6.6.6.6" } });
    expect(await res.text()).toBe("handled");
    const got = seen[before].headers;
    for (const name of ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-for", "forwarded", "x-real-ip"]) expect(got[name], name).toBeUndefined();
  });
});

describe("server action posts that cannot be an action's arguments", () => {
  it("empty, not JSON, an unfinished array, an object, 5,000 deep and broken multipart are 400 with a sentence, and never reach Next", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const before = seen.length;
    const cases: [string, BodyInit | undefined, Record<string, string>?][] = [
      ["empty", undefined],
      ["text", "hello there"],
      ["unfinished", '["a"'],
      ["object", '{"x":1}'],
      ["deep", "[".repeat(5000) + "]".repeat(5000)],
      ["broken multipart", "--x\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[]", { "content-type": "multipart/form-data; boundary=x" }],
      ["multipart without arguments", multipart({ "_1_status": "going" })],
    ];
    for (const [name, body, headers] of cases) {
      const res = await action(body, headers);
      expect(res.status, name).toBe(400);
      expect(await res.text(), name).toBe("This form could not be read. Please reload the page and try again.");
    }
    expect(seen.length).toBe(before);
    // One line each, not a stack.
    expect(warn).toHaveBeenCalledTimes(cases.length);
    for (const [line] of warn.mock.calls) expect(String(line)).toMatch(/^\[actions\] 400: refused a post to \/activities\/x: [^\n]+$/);
    warn.mockRestore();
  });

  it("a body over 1 MB is 413, whether or not it says its length", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const big = `["${"a".repeat(1024 * 1024)}"]`;
    expect((await action(big)).status).toBe(413);
    const chunked = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const res = await fetch(`${base}/activities/x`, { method: "POST", headers: { "next-action": ACTION }, body: chunked, duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.text()).toBe("This form is too large to send (at most 1 MB).");
    // Before anyone is known, in the browser's language or the language cookie's.
    const asked: Record<string, string>[] = [{ "accept-language": "es-ES,es;q=0.9" }, { cookie: "ct_locale=es", "accept-language": "en" }, { cookie: "ct_locale=%", "accept-language": "es" }];
    for (const headers of asked) {
      const spanish = await action(big, headers);
      expect(spanish.status).toBe(413);
      const text = await spanish.text();
      expect(text).not.toBe("This form is too large to send (at most 1 MB).");
      expect(text).toMatch(/formulario/);
    }
    warn.mockRestore();
  });

  it("a form posted without JavaScript that is broken multipart is 400; a readable one goes on, as does a plain POST", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const broken = await fetch(`${base}/activities/x`, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=zz" }, body: "--zz\r\nnot a part" });
    expect(broken.status).toBe(400);
    const badDescriptor = await fetch(`${base}/activities/x`, { method: "POST", body: multipart({ $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"abc","bound":' }) });
    expect(badDescriptor.status).toBe(400);
    warn.mockRestore();
    const before = seen.length;
    const form = multipart({ $ACTION_REF_1: "", "$ACTION_1:0": `{"id":"${ACTION}","bound":"$@1"}`, "$ACTION_1:1": "[null]", activityId: "a", status: "going" });
    const ok = await fetch(`${base}/activities/x`, { method: "POST", body: form });
    expect(await ok.text()).toBe("handled");
    expect(seen[before].body).toContain('{"id":"' + ACTION);
    expect((await fetch(`${base}/activities/x`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=b" })).status).toBe(200);
  });

  it("valid arguments reach the server byte for byte: JSON text, and multipart with its root in field 0", async () => {
    const before = seen.length;
    const text = '["a","b",null,{"n":[1,2,[3]]}]';
    expect(await (await action(text)).text()).toBe("handled");
    expect(seen[before].body).toBe(text);
    const form = multipart({ "_1_activityId": "a", "_1_status": "going", "0": '[null,"$K1"]' });
    expect(await (await action(form)).text()).toBe("handled");
    expect(seen[before + 1].body).toContain('name="_1_status"\r\n\r\ngoing');
  });

  it("the API's own routes are not judged as actions (they answer in their JSON shape)", async () => {
    const res = await fetch(`${base}/api/tasks/x`, { method: "POST", headers: { "next-action": ACTION }, body: "" });
    expect(await res.text()).toBe("handled");
  });
});

describe("server action posts whose references name parts that are not there", () => {
  it("a JSON body refers to no other part: $Q, $W, $@, $F, $B, plain $n, streams and a broken bigint are 400 and never reach Next", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const before = seen.length;
    for (const arg of ["$Q99", "$F5", "$@1", "$W2", "$B1", "$o1", "$1", "$h1", "$R1", "$X1", "$", "$nabc", `$n${"9".repeat(301)}`, "$Qzz"]) {
      for (const body of [JSON.stringify([arg]), JSON.stringify([{ deep: [null, arg] }])]) {
        const res = await action(body);
        expect(res.status, body).toBe(400);
        expect(await res.text()).toBe("This form could not be read. Please reload the page and try again.");
      }
    }
    expect(seen.length).toBe(before);
    for (const [line] of warn.mock.calls) expect(String(line)).toMatch(/^\[actions\] 400: [^\n]+$/);
    warn.mockRestore();
  });

  it("references that stand alone pass: an escaped dollar, undefined, dates, bigints, Infinity, NaN, a form's fields, a temporary reference", async () => {
    const before = seen.length;
    const text = JSON.stringify(["$$5 off", "$u", "$D2027-01-01T00:00:00.000Z", "$n-12", "$I", "$-I", "$-0", "$NaN", "$K1", "$T"]);
    expect(await (await action(text)).text()).toBe("handled");
    expect(seen[before].body).toBe(text);
  });

  it("multipart: a reference to a field that is not there is 400; to one that is (and is readable), it goes on", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect((await action(multipart({ "0": '["$Q1"]' }))).status).toBe(400);
    expect((await action(multipart({ "0": '["$@1"]', "1": '["$Q2"]' }))).status).toBe(400);
    expect((await action(multipart({ "0": '["$@1"]', "1": "not json" }))).status).toBe(400);
    expect((await action(multipart({ "0": '["$B1"]', "1": "text, not a file" }))).status).toBe(400);
    // A server reference must name an action this server has.
    expect((await action(multipart({ "0": '["$h1"]', "1": `{"id":"${OTHER_BUILD}","bound":null}` }))).status).toBe(400);
    expect((await action(multipart({ "0": '["$@1","$h1"]', "1": `{"id":"${OTHER_BUILD}","bound":null}` }))).status).toBe(400);
    expect((await action(multipart({ "0": '["$h1"]', "1": '{"bound":null}' }))).status).toBe(400);
    warn.mockRestore();
    expect((await action(multipart({ "0": '["$Q1","$@a"]', "1": '[["k",1]]', "10": '"ten"' }))).status).toBe(200);
    expect((await action(multipart({ "0": '["$h1"]', "1": `{"id":"${ACTION}","bound":null}` }))).status).toBe(200);
    const withFile = multipart({ "0": '["$B1"]' });
    withFile.append("1", new Blob(["hello"]), "note.txt");
    expect((await action(withFile)).status).toBe(200);
  });

  it("a form without JavaScript: bound arguments must be in the form, and the action must be this server's", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const before = seen.length;
    const post = (fields: Record<string, string>) => fetch(`${base}/activities/x`, { method: "POST", body: multipart(fields) });
    for (const fields of <Record<string, string>[]>[
      { $ACTION_REF_1: "", "$ACTION_1:0": `{"id":"${ACTION}","bound":"$@1"}` },
      { $ACTION_REF_1: "", "$ACTION_1:0": `{"id":"${ACTION}","bound":"$Q7"}` },
      { $ACTION_REF_1: "" },
      { $ACTION_REF_1: "", "$ACTION_1:0": `{"id":"${OTHER_BUILD}","bound":null}` },
      { [`$ACTION_ID_${OTHER_BUILD}`]: "" },
      { $ACTION_ID_nonsense: "" },
    ]) {
      const res = await post(fields);
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(await res.text()).toMatch(/^This form (could not be read|is out of date)\. Please reload the page and try again\.$/);
    }
    expect(seen.length).toBe(before);
    expect(warn).toHaveBeenCalledTimes(6);
    warn.mockRestore();
    expect((await post({ $ACTION_REF_1: "", "$ACTION_1:0": `{"id":"${ACTION}","bound":"$@1"}`, "$ACTION_1:1": '["x"]' })).status).toBe(200);
    expect((await post({ [`$ACTION_ID_${ACTION}`]: "", name: "x" })).status).toBe(200);
  });

  it("a Next-Action id this build does not have is answered as Next answers it (409, or 400 for one that cannot be an id) in one line, with the marker that makes the page reload", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const before = seen.length;
    for (const [id, status] of [[OTHER_BUILD, 409], ["x", 400]] as const) {
      const res = await action("[]", { "next-action": id });
      expect(res.status, id).toBe(status);
      expect(res.headers.get("x-nextjs-action-not-found")).toBe("1");
      expect(await res.text()).toBe("This form is out of date. Please reload the page and try again.");
    }
    expect(seen.length).toBe(before);
    expect(warn).toHaveBeenCalledTimes(2);
    for (const [line] of warn.mock.calls) expect(String(line)).not.toContain("\n");
    warn.mockRestore();
  });
});

describe("refused posts are answered, not cut off", () => {
  /** A body that arrives in two parts, the second a moment after the first, as from a slow or busy client. */
  const slowBody = (first: string, rest: string) =>
    new ReadableStream({
      async start(c) {
        c.enqueue(new TextEncoder().encode(first));
        await new Promise((r) => setTimeout(r, 60));
        c.enqueue(new TextEncoder().encode(rest));
        c.close();
      },
    });
  const post = (headers: Record<string, string>, body: ReadableStream) =>
    fetch(`${base}/activities/x`, { method: "POST", headers, body, duplex: "half" } as RequestInit).then(
      async (r) => `${r.status} ${(await r.text()).slice(0, 18)}`,
      (e: Error) => `failed: ${(e.cause as Error | undefined)?.message ?? e.message}`,
    );

  it("cross-origin form posts from Node's fetch, still sending when refused, all read their 403 (no broken pipe), and so do 400s", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const form = { "next-action": ACTION, "content-type": "multipart/form-data; boundary=zz", origin: "http://evil.example" };
    const part = '--zz\r\nContent-Disposition: form-data; name="0"\r\n\r\n["going"]\r\n';
    const crossOrigin = await Promise.all(Array.from({ length: 8 }, () => post(form, slowBody(part, `${part.replace('"0"', '"note"')}--zz--\r\n`))));
    expect(crossOrigin).toEqual(Array(8).fill("403 This form was sent"));
    const unknown = await Promise.all(Array.from({ length: 4 }, () => post({ "next-action": "x", "content-type": "text/plain" }, slowBody('["a",', '"b"]'))));
    expect(unknown).toEqual(Array(4).fill("400 This form is out o"));
    warn.mockRestore();
  });

  it("a refused post's connection stays open while the client sends the rest of its body, and then serves the next request", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { port } = server.address() as AddressInfo;
    const exchange = (head: string, body: string[]) =>
      new Promise<string>((resolve) => {
        const socket = net.connect(port, "127.0.0.1");
        let got = "";
        socket.on("data", (d) => (got += d));
        socket.on("error", (e) => resolve(`${got}\n(${(e as NodeJS.ErrnoException).code})`));
        socket.on("close", () => resolve(got));
        socket.write(head + body[0]);
        setTimeout(() => {
          socket.write(body[1]);
          // The same connection, asked again once the body is sent.
          socket.write("GET /after HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        }, 80);
      });
    const headers = (extra: string, length: number) => `POST /activities/x HTTP/1.1\r\nHost: 127.0.0.1\r\nNext-Action: ${ACTION}\r\nContent-Type: text/plain\r\n${extra}Content-Length: ${length}\r\n\r\n`;
    for (const [extra, status] of [["Origin: http://evil.example\r\n", 403], ["", 400]] as const) {
      const got = await exchange(headers(extra, 12), ['["$Q1",', '"x" ]']);
      expect(got, extra).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
      expect(got, extra).toMatch(/\r\n\r\nHTTP\/1.1 200 OK\r\n[\s\S]*\r\nhandled\r\n/);
    }
    warn.mockRestore();
  });

  it("a body past the limit is answered 413 and read before the connection closes", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => post({ "next-action": ACTION, "content-type": "text/plain", "content-length": String(2 * 1024 * 1024) }, slowBody("x".repeat(1024 * 1024), "y".repeat(1024 * 1024)))),
    );
    expect(results).toEqual(Array(4).fill("413 This form is too l"));
    warn.mockRestore();
  });
});

describe("server action posts from another origin", () => {
  it("are 403 with a sentence, whatever X-Forwarded-Host claims, and never reach Next", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const before = seen.length;
    for (const headers of <Record<string, string>[]>[{ origin: "http://evil.example" }, { origin: "http://evil.example", "x-forwarded-host": "evil.example" }, { origin: "null" }, { origin: "not a url" }]) {
      const res = await action("[]", headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.text()).toBe("This form was sent from another site, so it was refused. Please use the form on this site.");
    }
    expect(seen.length).toBe(before);
    warn.mockRestore();
    // The site's own origin (and no Origin at all, which no browser omits on a POST) goes on.
    expect((await action("[]", { origin: base })).status).toBe(200);
    expect((await action("[]")).status).toBe(200);
  });
});

describe("JSON depth without parsing", () => {
  it("counts nesting outside strings only", () => {
    expect(jsonDepth('[1,{"a":[2]}]')).toBe(3);
    expect(jsonDepth('["[[[[", "\\"[["]')).toBe(1);
    expect(jsonDepth("[".repeat(65))).toBe(Infinity);
  });
});
