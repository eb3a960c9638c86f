import sharp from "sharp";

/*
 * Pictures made for the tests, so nothing is downloaded: a JPEG carrying EXIF with a GPS
 * position (the thing every served width must have lost), a PNG, and files that must be refused.
 */


/** A 1200×800 JPEG with EXIF: GPS position, camera make and a comment. */
export async function fixtureJpeg(width = 1200, height = 800): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 60, g: 140, b: 90 } } })
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: "ZqCameraMaker", Model: "ZqModel", ImageDescription: "zqsecretdescription" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" },
    })
    .toBuffer();
}

export async function fixturePng(width = 600, height = 400): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 200, g: 120, b: 40, alpha: 1 } } }).png().toBuffer();
}

export const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>');

/** A small PNG whose header claims 20,000 × 20,000 pixels: a decompression bomb. */
export async function bombPng(): Promise<Buffer> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: "#000" } }).png().toBuffer();
  // The IHDR chunk starts at byte 8: length (4), "IHDR" (4), width (4), height (4); its CRC follows the 13 data bytes.
  const out = Buffer.from(png);
  out.writeUInt32BE(20_000, 16);
  out.writeUInt32BE(20_000, 20);
  const { crc32 } = await import("node:zlib");
  out.writeUInt32BE(crc32(out.subarray(12, 29)) >>> 0, 29);
  return out;
}
