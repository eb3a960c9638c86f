import "server-only";
import { getViewer } from "@/lib/auth/session";

/** Who is calling a read endpoint, if anyone: used only to widen what they may see (their private groups). */
export async function resolveApiViewerId(_request: Request): Promise<string | null> {
  return (await getViewer())?.id ?? null;
}
