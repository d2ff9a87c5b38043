// Draws media/icon.png (128×128): the sigmoid curve and, dashed, its derivative, on a rounded tile.
// Pure Node (zlib for the PNG's deflate), so the icon can be rebuilt anywhere: node scripts/make-icon.mjs
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const SIZE = 128;
const SUPERSAMPLE = 4;
const tile = [24, 38, 66];
const curve = [255, 167, 38];
const derivative = [102, 204, 255];
const pixels = new Float64Array(SIZE * SIZE * 4);

const sigmoid = (x) => 1 / (1 + Math.exp(-x));
// Maps the plot's x ∈ [−6, 6], y ∈ [−0.05, 1.05] onto the tile with a margin.
const toPx = (x) => 14 + ((x + 6) / 12) * (SIZE - 28);
const toPy = (y) => SIZE - 14 - ((y + 0.05) / 1.1) * (SIZE - 28);

function distanceToPolyline(px, py, points) {
  let best = Infinity;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1];
    const [bx, by] = points[i];
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(px - ax - t * dx, py - ay - t * dy));
  }
  return best;
}

const steps = 200;
const sigmoidPath = [];
const derivativePath = [];
for (let i = 0; i <= steps; i++) {
  const x = -6 + (12 * i) / steps;
  const s = sigmoid(x);
  sigmoidPath.push([toPx(x), toPy(s)]);
  derivativePath.push([toPx(x), toPy(4 * s * (1 - s) * 0.5)]);
}

for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let sy = 0; sy < SUPERSAMPLE; sy++) {
      for (let sx = 0; sx < SUPERSAMPLE; sx++) {
        const px = x + (sx + 0.5) / SUPERSAMPLE;
        const py = y + (sy + 0.5) / SUPERSAMPLE;
        // Rounded square with radius 24.
        const cx = Math.max(24, Math.min(SIZE - 24, px));
        const cy = Math.max(24, Math.min(SIZE - 24, py));
        if (Math.hypot(px - cx, py - cy) > 24) continue;
        let color = tile;
        if (distanceToPolyline(px, py, derivativePath) < 3 && Math.floor(px / 8) % 2 === 0)
          color = derivative;
        if (distanceToPolyline(px, py, sigmoidPath) < 5) color = curve;
        r += color[0];
        g += color[1];
        b += color[2];
        a += 255;
      }
    }
    const n = SUPERSAMPLE * SUPERSAMPLE;
    const o = (y * SIZE + x) * 4;
    const coverage = a / 255;
    pixels[o] = coverage ? r / coverage : 0;
    pixels[o + 1] = coverage ? g / coverage : 0;
    pixels[o + 2] = coverage ? b / coverage : 0;
    pixels[o + 3] = a / n;
  }
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0;
  for (let i = 0; i < SIZE * 4; i++)
    raw[y * (SIZE * 4 + 1) + 1 + i] = Math.round(pixels[y * SIZE * 4 + i]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", header),
  chunk("IDAT", deflateSync(raw, { level: 9 })),
  chunk("IEND", Buffer.alloc(0)),
]);
writeFileSync(new URL("../media/icon.png", import.meta.url), png);
console.log(`media/icon.png: ${png.length} bytes`);
