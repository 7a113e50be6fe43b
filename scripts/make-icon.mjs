// Draws media/icon.png (128×128): two overlapping circles, municipality and school, on a rounded light square.
// Written out once and committed; rerun after changing it: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4; // samples per pixel along each axis, for smooth edges

const circles = [
  { x: 50, y: 64, r: 34, rgb: [0x1f, 0x6f, 0xb2], a: 0.92 }, // blue
  { x: 78, y: 64, r: 34, rgb: [0xf2, 0x8c, 0x28], a: 0.85 }, // orange, drawn over the blue
];
const background = { rgb: [0xf7, 0xf4, 0xee], radius: 24 };

function insideRoundedSquare(x, y) {
  const r = background.radius;
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Straight-alpha colour of one sample point. */
function sample(x, y) {
  if (!insideRoundedSquare(x, y)) return [0, 0, 0, 0];
  let [r, g, b] = background.rgb;
  for (const c of circles) {
    if ((x - c.x) ** 2 + (y - c.y) ** 2 > c.r * c.r) continue;
    r = r * (1 - c.a) + c.rgb[0] * c.a;
    g = g * (1 - c.a) + c.rgb[1] * c.a;
    b = b * (1 - c.a) + c.rgb[2] * c.a;
  }
  return [r, g, b, 1];
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const [sr, sg, sb, sa] = sample(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        r += sr * sa; g += sg * sa; b += sb * sa; a += sa;
      }
    }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((a / (SS * SS)) * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
console.log(`media/icon.png: ${png.length} bytes`);
