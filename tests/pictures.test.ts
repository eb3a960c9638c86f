import fs from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as coverRoute from "@/app/api/covers/[subject]/[id]/route";
import * as photoRoute from "@/app/api/me/photo/route";
import { GET as servePicture } from "@/app/uploads/[id]/[file]/route";
import { getDb } from "@/db/client";
import { deleteAccount } from "@/db/mutations/account-deletion";
import { removeCover, setCover, sweepUploadFiles } from "@/db/mutations/uploads";
import { exportMemberData } from "@/db/queries/export";
import { groups, uploads } from "@/db/schema";
import { uploadsDir } from "@/lib/env";
import { processImage } from "@/lib/uploads/images";
import { addMember, makeActivity, makeGroup, makeProject, makeUser } from "./helpers/factories";
import { bombPng, fixtureJpeg, fixturePng, SVG } from "./helpers/pictures";
import { actAs } from "./helpers/session";

vi.mock("@/server/auth/config", async (original) => (await import("./helpers/session")).mockAuthConfig(await original()));
vi.mock("next/headers", async () => (await import("./helpers/session")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("./helpers/session")).mockNextCache());

afterEach(() => actAs(null));

async function fetchPicture(url: string, as: { id: string } | null) {
  const [, , id, file] = url.split("/");
  actAs(as);
  try {
    return await servePicture(new Request(`http://hub.test${url}`), { params: Promise.resolve({ id, file }) });
  } finally {
    actAs(null);
  }
}

async function put(handler: typeof coverRoute.PUT, url: string, body: Uint8Array<ArrayBuffer>, type: string, params: Record<string, string>) {
  return handler(new Request(`http://hub.test${url}`, { method: "PUT", headers: { "content-type": type }, body }), { params: Promise.resolve(params) });
}

async function organizedActivity(visibility: "public" | "private" = "public") {
  const group = await makeGroup({ visibility });
  const organizer = await makeUser();
  await addMember(group.id, organizer.id, "organizer");
  const activity = await makeActivity(group.id);
  return { group, organizer, activity };
}

describe("cover pictures", () => {
  it("keeps no metadata at all, GPS above all, in any served width", async () => {
    const { organizer, activity } = await organizedActivity();
    const original = await fixtureJpeg(2000, 1200);
    const originalMeta = await sharp(original).metadata();
    expect(originalMeta.exif?.includes("ZqCameraMaker")).toBe(true);
    // The GPS IFD pointer (tag 0x8825) is in the original's EXIF.
    expect(originalMeta.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);

    actAs(organizer);
    const res = await put(coverRoute.PUT, `/api/covers/activities/${activity.id}?alt=A%20green%20field`, new Uint8Array(original), "image/jpeg", { subject: "activities", id: activity.id });
    actAs(null);
    expect(res.status).toBe(200);
    const saved = (await res.json()) as { urls: { width: number; url: string }[]; alt: string };
    expect(saved.alt).toBe("A green field");
    expect(saved.urls.map((u) => u.width)).toEqual([480, 960, 1600]);
    for (const { url, width } of saved.urls) {
      const served = await fetchPicture(url, null);
      expect(served.status).toBe(200);
      expect(served.headers.get("content-type")).toBe("image/webp");
      expect(served.headers.get("x-content-type-options")).toBe("nosniff");
      expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const bytes = Buffer.from(await served.arrayBuffer());
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe("webp");
      expect(meta.width).toBe(width);
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(bytes.includes("ZqCameraMaker")).toBe(false);
      expect(bytes.includes("EXIF")).toBe(false);
      expect(bytes.includes("Exif")).toBe(false);
    }
  });

  it("refuses what is not a JPEG, PNG or WebP picture, whatever it is called, with a clear message", async () => {
    expect(await processImage(new Uint8Array(SVG), "cover")).toMatchObject({ ok: false, code: "unsupported" });
    expect(await processImage(new Uint8Array(Buffer.from("just some text, called photo.jpg")), "cover")).toMatchObject({ ok: false, code: "not_an_image" });
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } }).gif().toBuffer();
    expect(await processImage(new Uint8Array(gif), "cover")).toMatchObject({ ok: false, code: "unsupported" });
    const bomb = await processImage(new Uint8Array(await bombPng()), "cover");
    expect(bomb).toMatchObject({ ok: false });
    expect(["too_many_pixels", "not_an_image"]).toContain((bomb as { code: string }).code);
    expect(await processImage(new Uint8Array(10 * 1024 * 1024 + 1), "cover")).toMatchObject({ ok: false, code: "too_large" });

    const { organizer, activity } = await organizedActivity();
    actAs(organizer);
    const svg = await put(coverRoute.PUT, `/api/covers/activities/${activity.id}?alt=Shapes`, new Uint8Array(SVG), "image/png", { subject: "activities", id: activity.id });
    expect(svg.status).toBe(400);
    expect(((await svg.json()) as { error: { message: string } }).error.message).toMatch(/JPEG, PNG and WebP/);
    const labelled = await put(coverRoute.PUT, `/api/covers/activities/${activity.id}?alt=Shapes`, new Uint8Array(SVG), "image/svg+xml", { subject: "activities", id: activity.id });
    expect(labelled.status).toBe(415);
    const big = await put(coverRoute.PUT, `/api/covers/activities/${activity.id}?alt=Big`, new Uint8Array(10 * 1024 * 1024 + 10), "image/jpeg", { subject: "activities", id: activity.id });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(/10 MB/);
    const noAlt = await put(coverRoute.PUT, `/api/covers/activities/${activity.id}`, new Uint8Array(await fixturePng()), "image/png", { subject: "activities", id: activity.id });
    expect(noAlt.status).toBe(400);
    actAs(null);
    expect(await (await getDb()).select().from(uploads).where(eq(uploads.activityId, activity.id))).toEqual([]);
  });

  it("serves a private group's pictures only to its members", async () => {
    const { group, organizer, activity } = await organizedActivity("private");
    const member = await makeUser();
    await addMember(group.id, member.id);
    const outsider = await makeUser();
    const saved = await setCover(organizer, "groups", group.id, new Uint8Array(await fixturePng()), "Our circle");
    expect(saved.ok).toBe(true);
    const id = saved.ok ? saved.data.id : "";
    const url = `/uploads/${id}/480.webp`;
    expect((await fetchPicture(url, null)).status).toBe(404);
    expect((await fetchPicture(url, outsider)).status).toBe(404);
    const seen = await fetchPicture(url, member);
    expect(seen.status).toBe(200);
    expect(seen.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    // Not anyone else's cover either: an outsider cannot set or remove it.
    expect((await setCover(outsider, "activities", activity.id, new Uint8Array(await fixturePng()), "Mine now")).ok).toBe(false);
    expect((await removeCover(member, "groups", group.id)).ok).toBe(false);
  });

  it("goes with what it belongs to, files and all, and a replaced cover's files go at once", async () => {
    const { group, organizer } = await organizedActivity();
    const project = await makeProject(group.id);
    const first = await setCover(organizer, "projects", project.id, new Uint8Array(await fixturePng()), "Planters");
    const second = await setCover(organizer, "projects", project.id, new Uint8Array(await fixturePng()), "Planters, later");
    if (!first.ok || !second.ok) throw new Error("not saved");
    await expect(fs.stat(path.join(uploadsDir(), first.data.id))).rejects.toThrow();
    await expect(fs.stat(path.join(uploadsDir(), second.data.id))).resolves.toBeTruthy();
    await (await getDb()).delete(groups).where(eq(groups.id, group.id));
    expect(await (await getDb()).select().from(uploads).where(eq(uploads.id, second.data.id))).toEqual([]);
    await sweepUploadFiles(new Date(), 0);
    await expect(fs.stat(path.join(uploadsDir(), second.data.id))).rejects.toThrow();
  });
});

describe("a member's photo", () => {
  it("is in the data export and goes with the account", async () => {
    const member = await makeUser();
    actAs(member);
    const res = await put(photoRoute.PUT, "/api/me/photo", new Uint8Array(await fixtureJpeg(800, 800)), "image/jpeg", {});
    actAs(null);
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    const exported = await exportMemberData(member.id);
    expect(exported.uploads.map((u) => u.id)).toEqual([id]);
    expect((await fetchPicture(`/uploads/${id}/256.webp`, null)).status).toBe(200);
    expect((await deleteAccount(member.id)).ok).toBe(true);
    await expect(fs.stat(path.join(uploadsDir(), id))).rejects.toThrow();
    expect((await fetchPicture(`/uploads/${id}/256.webp`, null)).status).toBe(404);
  });
});
