import crypto from "node:crypto";

/*
 * The demo town must come out the same on every machine and every run (relative to
 * "now"), so screenshots, tests and bug reports agree: a seeded PRNG instead of
 * Math.random, and ids derived from stable keys instead of random UUIDs.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: readonly T[]): T[];
  chance(probability: number): boolean;
}

/** mulberry32: tiny, fast and good enough to vary demo content. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
    chance: (probability) => next() < probability,
  };
}

/** A stable UUID (version 5 layout) for a demo row, so re-seeding gives the same links. */
export function demoId(key: string): string {
  const hex = crypto.createHash("sha256").update(`common-thread-demo:${key}`).digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A stable URL-safe secret for a demo row, such as the private group's invite code. It is
 * only as secret as this source file, which is fine for a demo town.
 */
export function demoSecret(key: string): string {
  return crypto.createHash("sha256").update(`common-thread-demo-secret:${key}`).digest("base64url").slice(0, 24);
}
