import sharp from "sharp";
import { processImage, storeImage } from "@/lib/uploads/images";
import type { Db } from "../client";
import { uploads } from "../schema";
import { demoId } from "./random";

/*
 * A few pictures for the demo town, drawn here at seed time (no file is downloaded or
 * committed): simple scenes of coloured bands and shapes, put through the same processing as
 * an upload, so they are stored exactly as a member's picture would be.
 */

type Scene = { sky: string; ground: string; shapes: { color: string; left: number; top: number; width: number; height: number }[] };

async function draw(scene: Scene, width = 1600, height = 700): Promise<Buffer> {
  const band = (color: string, h: number) => sharp({ create: { width, height: h, channels: 3, background: color } }).png().toBuffer();
  const shapes = await Promise.all(
    scene.shapes.map(async (s) => ({
      input: await sharp({ create: { width: Math.round(s.width * width), height: Math.round(s.height * height), channels: 3, background: s.color } }).png().toBuffer(),
      left: Math.round(s.left * width),
      top: Math.round(s.top * height),
    })),
  );
  return sharp(await band(scene.sky, height))
    .composite([{ input: await band(scene.ground, Math.round(height * 0.45)), left: 0, top: Math.round(height * 0.55) }, ...shapes])
    .jpeg({ quality: 85 })
    .toBuffer();
}

const bed = (left: number) => ({ color: "#7a4e2d", left, top: 0.62, width: 0.18, height: 0.12 });
const leaf = (left: number, top: number) => ({ color: "#2f7d3b", left, top, width: 0.04, height: 0.08 });

const COVERS: { owner: { groupId: string } | { projectId: string } | { activityId: string }; alt: string; scene: Scene }[] = [
  {
    owner: { groupId: demoId("group:riverside-gardeners") },
    alt: "Raised vegetable beds in rows beside the river on a bright morning",
    scene: { sky: "#bfe3f2", ground: "#6fa86a", shapes: [bed(0.1), bed(0.4), bed(0.7), leaf(0.15, 0.55), leaf(0.45, 0.55), leaf(0.75, 0.55)] },
  },
  {
    owner: { groupId: demoId("group:millbrook-walking-group") },
    alt: "A path winding over green hills towards low sun",
    scene: { sky: "#f6d8a8", ground: "#7fae5e", shapes: [{ color: "#d9c7a0", left: 0.45, top: 0.55, width: 0.1, height: 0.45 }, { color: "#f2b134", left: 0.75, top: 0.12, width: 0.08, height: 0.16 }] },
  },
  {
    owner: { groupId: demoId("group:sunday-sketchers") },
    alt: "Sketchbooks and pencils laid out on a wooden table",
    scene: { sky: "#efe6d8", ground: "#a77b52", shapes: [{ color: "#fbfaf6", left: 0.15, top: 0.5, width: 0.25, height: 0.3 }, { color: "#fbfaf6", left: 0.5, top: 0.48, width: 0.25, height: 0.3 }, { color: "#3a3a3a", left: 0.8, top: 0.55, width: 0.02, height: 0.25 }] },
  },
  {
    owner: { projectId: demoId("project:garden-rebuild") },
    alt: "Volunteers' wheelbarrow and new larch planters in the riverside garden",
    scene: { sky: "#cfe8f5", ground: "#5f9a57", shapes: [bed(0.08), bed(0.32), { color: "#3b6fb6", left: 0.62, top: 0.6, width: 0.14, height: 0.1 }, leaf(0.12, 0.55), leaf(0.36, 0.55)] },
  },
  {
    owner: { activityId: demoId("activity:saturday-loop#0") },
    alt: "Walkers' boots on a gravel track through a meadow",
    scene: { sky: "#d8ecf7", ground: "#8cbf6b", shapes: [{ color: "#c9b38a", left: 0, top: 0.7, width: 1, height: 0.12 }, { color: "#4b3a2a", left: 0.4, top: 0.62, width: 0.06, height: 0.1 }, { color: "#4b3a2a", left: 0.5, top: 0.64, width: 0.06, height: 0.1 }] },
  },
];

/** Draws, processes and stores the demo covers and records them, for the things `exists` says the town has. */
export async function insertDemoCovers(db: Db, uploadedById: string, exists: (id: string) => boolean): Promise<number> {
  let written = 0;
  for (const cover of COVERS) {
    if (!exists(Object.values(cover.owner)[0])) continue;
    const image = await processImage(new Uint8Array(await draw(cover.scene)), "cover");
    if (!image.ok) continue;
    const id = await storeImage(image);
    await db.insert(uploads).values({ id, ...cover.owner, uploadedById, alt: cover.alt, widths: image.files.map((f) => f.width), width: image.width, height: image.height });
    written++;
  }
  return written;
}
