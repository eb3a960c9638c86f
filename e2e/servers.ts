import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { Client } from "pg";

/*
 * Servers of their own for the specs that show how the hub starts, fails and heals: each is
 * `next start` on the same production build as the one under test, reaching PostgreSQL
 * through a relay the spec controls.
 */

const root = path.resolve(__dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

export const basePort = Number(process.env.E2E_PORT ?? 3100);

export function startServer(port: number, env: Record<string, string | undefined>): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    // Maps off unless a spec serves tiles itself (e2e/tile-server.ts): no test reaches the internet.
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", MAP_TILES_URL: "", ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return { child, output: () => output };
}

export async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

/** Polls until `check` passes, failing after `ms`; resolves to how long it took. */
export async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await check().catch(() => false)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not within ${ms} ms`);
}

/**
 * A TCP relay to PostgreSQL that the test controls: closed, the database "goes away" (every
 * connection is cut and new ones are refused); held, it freezes (connections stay open but
 * nothing passes either way, and new ones are accepted and left waiting) until released.
 */
export class Relay {
  private server?: net.Server;
  private sockets = new Set<net.Socket>();
  private pairs = new Set<[net.Socket, net.Socket]>();
  private held = false;
  private waiting: Array<() => void> = [];
  constructor(
    readonly port: number,
    private target: { host: string; port: number },
  ) {}

  private track(s: net.Socket) {
    this.sockets.add(s);
    s.on("close", () => this.sockets.delete(s));
    s.on("error", () => undefined);
  }

  private forward(inbound: net.Socket) {
    if (inbound.destroyed) return;
    const outbound = net.connect(this.target);
    this.track(outbound);
    const pair: [net.Socket, net.Socket] = [inbound, outbound];
    this.pairs.add(pair);
    const forget = () => this.pairs.delete(pair);
    inbound.on("close", () => {
      forget();
      outbound.destroy();
    });
    outbound.on("close", () => {
      forget();
      inbound.destroy();
    });
    inbound.pipe(outbound).pipe(inbound);
  }

  open(): Promise<void> {
    this.server = net.createServer((inbound) => {
      this.track(inbound);
      if (this.held) this.waiting.push(() => this.forward(inbound));
      else this.forward(inbound);
    });
    return new Promise((resolve) => this.server!.listen(this.port, "127.0.0.1", () => resolve()));
  }

  /** Freezes every connection, open or new, without closing any. */
  hold(): void {
    this.held = true;
    for (const [inbound, outbound] of this.pairs) {
      inbound.unpipe(outbound);
      outbound.unpipe(inbound);
      inbound.pause();
      outbound.pause();
    }
  }

  /** Lets everything through again: frozen connections carry on, waiting ones are connected. */
  release(): void {
    this.held = false;
    for (const [inbound, outbound] of this.pairs) inbound.pipe(outbound).pipe(inbound);
    const waiting = this.waiting;
    this.waiting = [];
    for (const connect of waiting) connect();
  }

  close(): Promise<void> {
    this.held = false;
    this.waiting = [];
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    this.pairs.clear();
    const server = this.server;
    this.server = undefined;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/**
 * A throwaway database on the PostgreSQL of DATABASE_URL, and a relay to that server:
 * `viaRelay` is the database's address through the relay, `direct` its own address.
 */
export async function throwawayDatabase(prefix: string) {
  const admin = new URL(process.env.DATABASE_URL!);
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const onServer = async (statement: string) => {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await onServer(`create database ${name}`);
  const relay = new Relay(await freePort(), { host: admin.hostname, port: Number(admin.port || 5432) });
  const direct = new URL(admin);
  direct.pathname = `/${name}`;
  const viaRelay = new URL(direct);
  viaRelay.hostname = "127.0.0.1";
  viaRelay.port = String(relay.port);
  return {
    name,
    admin: admin.toString(),
    direct: direct.toString(),
    viaRelay: viaRelay.toString(),
    relay,
    drop: async () => {
      await relay.close();
      await onServer(`drop database if exists ${name} with (force)`).catch(() => undefined);
    },
  };
}
