import type { AddressInfo } from "node:net";
import type { Server } from "node:http";

/*
 * A push service of our own on 127.0.0.1 (the web-push-testing package): it hands out
 * subscriptions as a browser's push service would, checks each push's VAPID signature and
 * decrypts it as a browser would, and keeps what arrived for the test to read. Used by
 * tests/push.test.ts and e2e/push.spec.ts.
 */

export interface TestSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  clientHash: string;
}

export interface PushService {
  origin: string;
  /** A new browser's subscription for the hub's public key. */
  subscribe(applicationServerKey: string): Promise<TestSubscription>;
  /** What arrived for one subscription, decrypted: the payloads as text, oldest first. */
  received(clientHash: string): Promise<string[]>;
  /** Makes the service answer 410 Gone for this subscription from now on, as after the browser unsubscribed. */
  expire(clientHash: string): Promise<void>;
  close(): Promise<void>;
}

export async function startPushService(port = 0): Promise<PushService> {
  // CommonJS modules without types; the server is started here on loopback rather than by its CLI, which listens everywhere.
  const TestingServer = (await import("web-push-testing/src/server.js" as string)).default as new (model: unknown, port: number) => { _app: { listen: (port: number, host: string, done: () => void) => Server }; setRequestHandlers: () => void };
  const { PushApiModel } = (await import("web-push-testing/src/PushApiModel.js" as string)).default as { PushApiModel: new () => { notifyUrl: string } };
  const model = new PushApiModel();
  const server = new TestingServer(model, port);
  server.setRequestHandlers();
  const listening = await new Promise<Server>((resolve) => {
    const s = server._app.listen(port, "127.0.0.1", () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
  model.notifyUrl = `${origin}/notify/`;
  const post = async (path: string, body?: unknown) => {
    const response = await fetch(`${origin}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body ?? {}) });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.headers.get("content-type")?.includes("json") ? ((await response.json()) as { data: unknown }) : null;
  };
  return {
    origin,
    subscribe: async (applicationServerKey) => (await post("/subscribe", { userVisibleOnly: "true", applicationServerKey }))!.data as TestSubscription,
    received: async (clientHash) => ((await post("/get-notifications", { clientHash }))!.data as { messages: string[] }).messages,
    expire: async (clientHash) => void (await post(`/expire-subscription/${clientHash}`)),
    close: () => new Promise<void>((resolve) => listening.close(() => resolve())),
  };
}
