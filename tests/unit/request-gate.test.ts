import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { installRequestGate } from "@/lib/request-gate";
import { jsonDepth } from "@/lib/security/action-posts";

/*
 * The gate in front of every request, on a real HTTP server whose handler stands in for Next:
 * it answers what it was given (headers and body), so a test sees what Next would have seen.
 */

let server: http.Server;
let base = "";
const seen: { headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
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

const ACTION = "7f00000000000000000000000000000000000000aa";
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
