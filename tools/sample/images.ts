/**
 * The sample edition's pictures (#16 item 2). Its events name image files that exist nowhere,
 * so the mock API draws one per file name: a real JPEG (sharp rasterises a few shapes on a
 * colour taken from the name), the same bytes for the same name, so `--images mirror` can run
 * offline on the sample and its cache and hashes behave as with OpenAgenda's files.
 */
import { createHash } from 'node:crypto';
// sharp is an optional peer: loaded on the first picture (as the mirror does), not at start.
import { loadImageLibrary } from '../../src/node/images/resize.js';

/** `<32 hex>.<variant>.image.jpg`, as generate.ts names them (OpenAgenda's shape). */
const SAMPLE_IMAGE_NAME = /^([0-9a-f]{32})\.(base|full|thumb)\.image\.jpg$/;

/** The originals' sizes generate.ts picks from; the thumbnail is OpenAgenda's 200 × 200. */
const SIZES = [
  [1200, 800],
  [800, 533],
  [700, 467],
  [1024, 768],
  [1600, 900],
] as const;

export function isSampleImageName(name: string): boolean {
  return SAMPLE_IMAGE_NAME.test(name);
}

function shapesSvg(hash: string, width: number, height: number): string {
  const bytes = createHash('sha256').update(hash).digest();
  const hue = (bytes[0]! * 360) / 256;
  const shapes: string[] = [];
  for (let i = 0; i < 6; i++) {
    const b = bytes.subarray(2 + i * 4, 6 + i * 4);
    const x = (b[0]! / 255) * width;
    const y = (b[1]! / 255) * height;
    const size = (0.08 + (b[2]! / 255) * 0.22) * Math.min(width, height);
    const fill = `hsl(${(hue + b[3]! * 1.4) % 360},65%,${40 + (b[3]! % 30)}%)`;
    shapes.push(
      i % 2 === 0
        ? `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${size.toFixed(0)}" fill="${fill}"/>`
        : `<rect x="${(x - size).toFixed(0)}" y="${(y - size / 2).toFixed(0)}" width="${(size * 2).toFixed(0)}" height="${size.toFixed(0)}" fill="${fill}"/>`,
    );
  }
  const ground = height * 0.72;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},55%,78%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},45%,52%)"/></linearGradient></defs>
<rect width="${width}" height="${height}" fill="url(#g)"/>${shapes.join('')}
<path fill="hsl(${hue},30%,22%)" d="M0 ${height} V${ground} h${width * 0.15} v${-height * 0.25} h${width * 0.05} v${height * 0.25} l${width * 0.15} ${-height * 0.1} v${height * 0.1} l${width * 0.15} ${-height * 0.1} v${height * 0.1} h${width * 0.2} v${-height * 0.3} h${width * 0.05} v${height * 0.3} H${width} V${height} Z"/>
</svg>`;
}

/** The JPEG for a sample image file name, or undefined when generate.ts never writes that name. */
export async function drawSampleImage(name: string): Promise<Buffer | undefined> {
  const match = SAMPLE_IMAGE_NAME.exec(name);
  if (!match) return undefined;
  const [, hash, variant] = match as unknown as [string, string, string];
  const [width, height] = variant === 'thumb' ? [200, 200] : SIZES[parseInt(hash.slice(0, 4), 16) % SIZES.length]!;
  const sharp = await loadImageLibrary();
  return sharp(Buffer.from(shapesSvg(hash, width, height)))
    .jpeg({ quality: 82 })
    .toBuffer();
}
