// Draws the add-in's icons (a rising bar chart with a tick: "capaian") as PNGs in assets/.
// Plain Node, no image library: a tiny RGBA rasteriser and a PNG encoder over zlib.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5, size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const BLUE = [33, 115, 70, 255]; // Excel green
const LIGHT = [255, 255, 255, 255];
const GOLD = [242, 169, 0, 255];

function distanceToSegment(px, py, ax, ay, bx, by) {
  const t = Math.max(
    0,
    Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2))
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

function icon(x, y, size) {
  const u = x / size;
  const v = y / size;
  // Tick across the top right, drawn over the bars.
  const w = 0.07;
  if (
    distanceToSegment(u, v, 0.5, 0.3, 0.62, 0.42) < w ||
    distanceToSegment(u, v, 0.62, 0.42, 0.88, 0.12) < w
  )
    return GOLD;
  // Three rising bars on a rounded tile.
  const bars = [
    [0.16, 0.34, 0.62],
    [0.4, 0.58, 0.48],
    [0.64, 0.82, 0.34],
  ];
  const inTile = Math.max(Math.abs(u - 0.5), Math.abs(v - 0.5)) < 0.47;
  if (!inTile) return [0, 0, 0, 0];
  for (const [left, right, top] of bars)
    if (u >= left && u <= right && v >= top && v <= 0.86) return LIGHT;
  return BLUE;
}

// "Buka Panel": a window with its right-hand pane open.
const PANE = [198, 224, 180, 255];
function panel(x, y, size) {
  const u = x / size;
  const v = y / size;
  if (Math.max(Math.abs(u - 0.5), Math.abs(v - 0.5)) >= 0.47) return [0, 0, 0, 0];
  const inside = u > 0.13 && u < 0.87 && v > 0.22 && v < 0.87;
  if (!inside) return BLUE; // frame and title bar
  if (u > 0.56 && u < 0.62) return BLUE; // the pane's edge
  return u >= 0.62 ? PANE : LIGHT;
}

const out = path.join(__dirname, "..", "assets");
fs.mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(out, `icon-${size}.png`), png(size, icon));
  fs.writeFileSync(path.join(out, `panel-${size}.png`), png(size, panel));
}
console.log("icons written to", out);
