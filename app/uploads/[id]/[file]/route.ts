import fs from "node:fs/promises";
import { getServableUpload } from "@/db/queries/uploads";
import { getViewer } from "@/server/auth/session";
import { SERVED_TYPE, uploadFilePath } from "@/lib/uploads/images";

export const dynamic = "force-dynamic";

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FILE = /^(\d{1,5})\.webp$/;

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });

/**
 * GET /uploads/<id>/<width>.webp — one width of a cover or a member's photo. A picture never
 * changes under its id (a new one gets a new id), so it is kept for a year. A private group's
 * pictures are served only to its members, and kept by the browser alone.
 */
export async function GET(_request: Request, context: { params: Promise<{ id: string; file: string }> }) {
  const { id, file } = await context.params;
  const width = FILE.exec(file)?.[1];
  if (!ID.test(id) || !width) return notFound();
  const viewer = await getViewer();
  const upload = await getServableUpload(id, viewer?.id ?? null);
  if (!upload || !upload.widths.includes(Number(width))) return notFound();
  let data: Buffer;
  try {
    data = await fs.readFile(uploadFilePath(id, Number(width)));
  } catch {
    return notFound();
  }
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": SERVED_TYPE,
      "Content-Length": String(data.byteLength),
      "Cache-Control": upload.isPublic ? "public, max-age=31536000, immutable" : "private, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
      ...(upload.isPublic ? {} : { Vary: "Cookie" }),
    },
  });
}
