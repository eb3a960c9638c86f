/*
 * Load for one route at a time with autocannon: bounded connections and duration (or, for the
 * RSVP write, a bounded number of requests, since a member may change an answer only so often).
 */
import autocannon from "autocannon";

export interface Route {
  name: string;
  path: string;
  /** What it is compared with, or the role it plays. */
  role: "target" | "control" | "info";
  headers?: Record<string, string>;
  /** For writes: builds each request (method, headers, body) in turn. */
  write?: { method: "POST"; next: () => { headers: Record<string, string>; body: string } };
  /** Bounded request count instead of a duration (writes). */
  amount?: number;
}

export interface Batch {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  failed: number;
}

export const LOAD = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 8),
  seconds: Number(process.env.BENCH_SECONDS ?? 5),
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 2),
  warmupMaxBatches: 5,
  rounds: Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3)),
};

export async function hit(base: string, route: Route, seconds: number, amount?: number): Promise<Batch> {
  const options: autocannon.Options = {
    url: base + route.path,
    connections: amount ? Math.min(LOAD.connections, amount) : LOAD.connections,
    headers: { "user-agent": "common-thread-bench", ...route.headers },
    ...(amount ? { amount } : { duration: seconds }),
    timeout: 30,
  };
  if (route.write) {
    const write = route.write;
    options.requests = [
      {
        method: write.method,
        setupRequest: (req) => {
          const { headers, body } = write.next();
          return { ...req, method: write.method, headers: { ...req.headers, ...headers }, body };
        },
      },
    ];
  }
  const r = await autocannon(options);
  const requests = r.requests.total;
  return { rps: requests / Math.max(0.001, r.duration), p50: r.latency.p50, p99: r.latency.p99, requests, failed: r.non2xx + r.errors + r.timeouts };
}

/** Warms a route up: batches until two in a row differ by less than 5 % in req/s, at most a few. */
export async function warmUp(base: string, route: Route, amount?: number): Promise<{ batches: number; settled: boolean }> {
  let last: number | undefined;
  for (let i = 1; i <= LOAD.warmupMaxBatches; i++) {
    const { rps } = await hit(base, route, LOAD.warmupSeconds, amount);
    if (last !== undefined && Math.abs(rps - last) / Math.max(last, 0.001) < 0.05) return { batches: i, settled: true };
    last = rps;
  }
  return { batches: LOAD.warmupMaxBatches, settled: false };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
