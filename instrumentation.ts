export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Before any render: an aborted render's reason must not keep it, and every render after it, alive.
    const { installAbortReasonRelease } = await import("./server/abort-reasons");
    installAbortReasonRelease();
    const { installLogRedaction } = await import("./lib/logging");
    installLogRedaction();
    // A setting the server cannot run with stops it here, saying which, rather than after
    // "Ready" with an error on every page.
    const { configurationProblem } = await import("./lib/env");
    const problem = configurationProblem();
    if (problem) {
      console.error(`\n${problem}\nThe server did not start. See "Configuration" in the README.\n`);
      process.exit(1);
    }
    // Shared caches keep a visitor's page per language (server/language-vary.ts).
    const { installLanguageVary } = await import("./server/language-vary");
    installLanguageVary();
    const { recordPeerAddresses } = await import("./server/peer-address");
    recordPeerAddresses();
    // The page cache answers visitors' public pages before Next does; the statement probe,
    // installed after it, wraps it and so sees (and counts as none) a page the cache answered.
    const { installPageCache } = await import("./server/page-cache");
    installPageCache();
    const { installStatementProbe } = await import("./db/statement-probe");
    installStatementProbe();
    // Installed last so it runs first: forwarding headers no proxy wrote are gone before anything
    // reads them, and a server action post that cannot be one is answered before Next decodes it.
    const { installRequestGate } = await import("./server/request-gate");
    installRequestGate();
    const { bootDatabase } = await import("./db/boot");
    await bootDatabase();
    // With other instances on the same PostgreSQL: hear their writes, and check they share our secrets.
    const { keepInstancesInStep } = await import("./server/instances");
    keepInstancesInStep();
    const { startBackgroundJobs } = await import("./db/jobs/start");
    startBackgroundJobs();
  }
}
