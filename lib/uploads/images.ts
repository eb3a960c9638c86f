import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { uploadsDir } from "../env";
import { say } from "../i18n/said";

/*
 * Pictures people upload: a cover for an activity, a group or a project, or a member's photo.
 * Each is decoded once and written again as WebP at a few widths, so nothing of the original
 * file survives: no EXIF, no GPS position, no camera, no colour profile, no comments (sharp
 * writes no metadata unless asked to; the orientation is applied to the pixels first). Only
 * JPEG, PNG and WebP are read, decided from the bytes themselves, never from a name or a label.
 */

export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
/** Larger than any camera's picture; a "decompression bomb" (a small file of huge dimensions) is refused before it is decoded. */
export const UPLOAD_MAX_PIXELS = 50_000_000;
export const UPLOAD_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type UploadPurpose = "cover" | "photo";
export const WIDTHS: Record<UploadPurpose, readonly number[]> = { cover: [480, 960, 1600], photo: [96, 256] };
export const SERVED_TYPE = "image/webp";

export type ImageRefusal = { ok: false; code: "too_large" | "not_an_image" | "unsupported" | "too_many_pixels"; message: string };
export type ProcessedImage = { ok: true; width: number; height: number; files: { width: number; data: Buffer }[] };

/** What a refused picture is told, by its code. */
export const imageRefusal = (code: ImageRefusal["code"]): string => say(`errors.image.${code}`);

const refuse = (code: ImageRefusal["code"]): ImageRefusal => ({ ok: false, code, message: imageRefusal(code) });

/** Reads, checks and re-encodes an uploaded picture at the purpose's widths (never wider than the original). */
export async function processImage(input: Uint8Array, purpose: UploadPurpose): Promise<ImageRefusal | ProcessedImage> {
  if (input.byteLength > UPLOAD_MAX_BYTES) return refuse("too_large");
  if (input.byteLength === 0) return refuse("not_an_image");
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    // Reads the header only; limitInputPixels also stops any later decode of a picture too big to hold.
    meta = await sharp(input, { limitInputPixels: UPLOAD_MAX_PIXELS, failOn: "error" }).metadata();
  } catch {
    return refuse("not_an_image");
  }
  if (meta.format !== "jpeg" && meta.format !== "png" && meta.format !== "webp") return refuse("unsupported");
  if ((meta.pages ?? 1) > 1) return refuse("unsupported");
  if (!meta.width || !meta.height) return refuse("not_an_image");
  if (meta.width * meta.height > UPLOAD_MAX_PIXELS) return refuse("too_many_pixels");
  const upright = (meta.orientation ?? 1) >= 5 ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
  const wanted = WIDTHS[purpose].filter((w) => w <= upright.width);
  const widths = wanted.length ? wanted : [upright.width];
  const files: { width: number; data: Buffer }[] = [];
  try {
    for (const width of widths) {
      const data = await sharp(input, { limitInputPixels: UPLOAD_MAX_PIXELS, failOn: "error" })
        .autoOrient()
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer();
      files.push({ width, data });
    }
  } catch {
    return refuse("not_an_image");
  }
  return { ok: true, width: upright.width, height: upright.height, files };
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function folderOf(id: string): string {
  if (!ID.test(id)) throw new Error("not an upload id");
  return path.join(uploadsDir(), id);
}

/** The file of one width of an upload: `<UPLOADS_DIR>/<id>/<width>.webp`. */
export function uploadFilePath(id: string, width: number): string {
  return path.join(folderOf(id), `${Math.trunc(width)}.webp`);
}

/** Writes an upload's files under a new id (written to a temporary folder, then moved into place at once). */
export async function storeImage(image: ProcessedImage): Promise<string> {
  const id = crypto.randomUUID();
  const root = uploadsDir();
  await fs.mkdir(root, { recursive: true });
  const temporary = path.join(root, `.incoming-${id}`);
  await fs.mkdir(temporary, { recursive: true });
  for (const file of image.files) await fs.writeFile(path.join(temporary, `${file.width}.webp`), file.data, { mode: 0o640 });
  await fs.rename(temporary, folderOf(id));
  return id;
}

/** Removes an upload's files (nothing happens when they are already gone). */
export async function removeImageFiles(id: string): Promise<void> {
  if (!ID.test(id)) return;
  await fs.rm(folderOf(id), { recursive: true, force: true });
}

/** The ids of every upload folder on disk (for the sweep that removes those whose row is gone). */
export async function storedImageIds(): Promise<{ id: string; modifiedAt: Date }[]> {
  let names: string[];
  try {
    names = await fs.readdir(uploadsDir());
  } catch {
    return [];
  }
  const out: { id: string; modifiedAt: Date }[] = [];
  for (const name of names) {
    if (!ID.test(name)) continue;
    const stat = await fs.stat(path.join(uploadsDir(), name)).catch(() => null);
    if (stat) out.push({ id: name, modifiedAt: stat.mtime });
  }
  return out;
}
