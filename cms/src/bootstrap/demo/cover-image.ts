import { deflateSync } from 'node:zlib';

/** Two colours of a landscape cover: sky and the nearer hills; the far hills mix both. */
export interface CoverPalette {
  sky: [number, number, number];
  land: [number, number, number];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

const crc32 = (bytes: Buffer): number => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

const chunk = (type: string, data: Buffer): Buffer => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const mix = (a: number, b: number, t: number): number => Math.round(a + (b - a) * t);

/**
 * Draws a simple abstract landscape (sky gradient, sun, two ranges of hills) as an RGB PNG, so the
 * demo stories have covers without shipping or downloading pictures. `seed` varies the hills.
 */
export const renderCoverPng = (palette: CoverPalette, seed: number, width = 960, height = 540): Buffer => {
  const { sky, land } = palette;
  const far = sky.map((v, i) => mix(v, land[i], 0.55)) as [number, number, number];
  const white: [number, number, number] = [255, 255, 255];
  const sunX = width * (0.2 + 0.6 * ((seed * 37) % 100) / 100);
  const sunY = height * 0.3;
  const sunR = height * 0.09;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0: no filter
    const skyTone = sky.map((v, i) => mix(mix(v, white[i], 0.45), v, y / height));
    for (let x = 0; x < width; x += 1) {
      const farLine = height * (0.55 + 0.06 * Math.sin((x / width) * 5 + seed) + 0.03 * Math.sin((x / width) * 13 + seed * 2));
      const nearLine = height * (0.72 + 0.07 * Math.sin((x / width) * 3.3 + seed * 1.7) + 0.02 * Math.sin((x / width) * 17 + seed));
      let colour: number[];
      if (y >= nearLine) colour = land.map((v) => mix(v, 0, ((y - nearLine) / height) * 0.5));
      else if (y >= farLine) colour = far;
      else if ((x - sunX) ** 2 + (y - sunY) ** 2 <= sunR ** 2) colour = [255, 236, 179];
      else colour = skyTone;
      row[1 + x * 3] = colour[0];
      row[2 + x * 3] = colour[1];
      row[3 + x * 3] = colour[2];
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};
