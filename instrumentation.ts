export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { recordPeerAddresses } = await import("./lib/peer-address");
    recordPeerAddresses();
    const { bootDatabase } = await import("./db/boot");
    await bootDatabase();
    const { startBackgroundJobs } = await import("./db/jobs/start");
    startBackgroundJobs();
  }
}
