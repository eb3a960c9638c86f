import http from "node:http";
import zlib from "node:zlib";

/*
 * A map tile server on 127.0.0.1 for the browser tests, so no test ever asks the internet for
 * tiles: every /{z}/{x}/{y}.png is a generated 256×256 PNG of one colour, and each request is
 * counted.
 */

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** A 256×256 PNG filled with one RGB colour. */
export function solidPng(r: number, g: number, b: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(256, 0);
  header.writeUInt32BE(256, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(256 * 3).map((_, i) => [r, g, b][i % 3])]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: 256 }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]);
}

export interface TileServer {
  url: string;
  requests: string[];
  close: () => Promise<void>;
}

const TILES = [solidPng(0xe8, 0xe4, 0xd8), solidPng(0xd4, 0xe6, 0xd0), solidPng(0xcf, 0xdf, 0xea)];

/** Starts the tile server on `port`; MAP_TILES_URL is `url`. */
export function startTileServer(port: number): Promise<TileServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const m = /^\/tiles\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(req.url ?? "");
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    requests.push(req.url!);
    res.writeHead(200, { "Content-Type": "image/png", "Cache-Control": "no-store" });
    res.end(TILES[(Number(m[2]) + Number(m[3])) % TILES.length]);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${port}/tiles/{z}/{x}/{y}.png`,
        requests,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            // A browser may keep a tile connection open for reuse; closing waits for none.
            server.closeAllConnections();
          }),
      }),
    );
  });
}

/** Where the shared test server's tiles come from (playwright.config.ts); the maps spec serves them there. */
export const tilePort = (basePort: number) => basePort + 940;
