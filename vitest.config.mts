import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const root = path.dirname(fileURLToPath(import.meta.url));

const alias = {
  "@": root,
  // Next's guard against importing server code in the browser; tests are the server.
  "server-only": path.join(root, "tests/helpers/empty.ts"),
};

// A half-hour offset catches time-zone mistakes that whole-hour zones hide. The tests sign
// up and sign in hundreds of members from one address; those limits are tested with their own rules.
const env = { TZ: "Asia/Kolkata", SIGN_UP_LIMIT_PER_HOUR: "100000", SIGN_IN_LIMIT_PER_ADDRESS: "100000", API_RESPONSE_CHECK: "on" };

/*
 * The files that take longest (measured on two cores: the matrix about a minute, the others
 * 5–15 seconds), started first so that no worker is left running one of them alone at the end.
 * Vitest orders the rest (by how long they took last time on this machine, or by size on a
 * fresh clone, where it has no timings yet).
 */
const LONGEST_FIRST = [
  "tests/authorization-matrix.test.ts",
  "tests/embedded-lock.test.ts",
  "tests/rate-limits.test.ts",
  "tests/fuzz-routes.test.ts",
  "tests/backup.test.ts",
  "tests/projects-authz.test.ts",
];

class LongestFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FIRST.indexOf(path.relative(root, file.moduleId).split(path.sep).join("/"));
      return index === -1 ? LONGEST_FIRST.length : index;
    };
    return (await super.sort(files)).map((file, order) => ({ file, order })).sort((a, b) => rank(a.file) - rank(b.file) || a.order - b.order).map(({ file }) => file);
  }
}

/*
 * Vitest's default is one worker less than there are cores: one worker on a two-core machine,
 * leaving a core idle while the integration tests (CPU-bound PGlite) run one file at a time.
 * On the embedded database every file has its own database, so two files at once share nothing.
 * On PostgreSQL the files share one database and the server needs a core of its own, so the
 * default stays.
 */
const maxWorkers = process.env.DATABASE_URL ? undefined : Math.max(2, os.availableParallelism() - 1);

export default defineConfig({
  resolve: { alias },
  test: {
    pool: "forks",
    maxWorkers,
    sequence: { sequencer: LongestFirst },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], env },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/unit/**"],
          env,
          // Each file gets the real migrations: on PGlite, or a throwaway PostgreSQL database.
          globalSetup: ["tests/helpers/global-setup.ts"],
          setupFiles: ["tests/helpers/setup.ts"],
          // next-auth imports "next/server" without an extension; let Vite resolve it.
          server: { deps: { inline: ["next-auth", "@auth/core"] } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
