/**
 * The two sizes the widgets show, from one source image. Cards draw a 160×120 box
 * (`event-list/card.ts`, `--sdi-thumbnail-width` 7.5rem): twice that for dense screens. The detail
 * view draws the image at most 800 px wide. WebP: every browser the widgets support decodes it.
 */
import type SharpConstructor from 'sharp';

type Sharp = typeof SharpConstructor;

/** sharp is not needed by anyone who does not mirror images: `--images mirror` needs it installed. */
export class ImageLibraryMissingError extends Error {
  constructor(cause: unknown) {
    super('--images mirror needs the image library sharp: npm install sharp', { cause });
    this.name = 'ImageLibraryMissingError';
  }
}

let loading: Promise<Sharp> | undefined;

/**
 * Loads sharp on first use, so the CLI starts (and builds snapshots without images) where sharp,
 * an optional peer with a native binary, is not installed.
 */
export function loadImageLibrary(): Promise<Sharp> {
  loading ??= import('sharp').then(
    (module) => module.default,
    (error: unknown) => {
      loading = undefined;
      throw new ImageLibraryMissingError(error);
    },
  );
  return loading;
}

export const CARD = { width: 320, height: 240, quality: 70 } as const;
export const DETAIL = { width: 800, quality: 75 } as const;
/** Decompression bombs: a small file declaring 100,000 × 100,000 pixels is refused unread. */
export const MAX_INPUT_PIXELS = 40_000_000;

export interface Resized {
  card: Buffer;
  detail: Buffer;
  width: number;
  height: number;
}

export async function resizeImage(source: Buffer): Promise<Resized> {
  const sharp = await loadImageLibrary();
  const input = () => sharp(source, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
  const card = await input()
    .resize(CARD.width, CARD.height, { fit: 'cover', position: 'attention' })
    .webp({ quality: CARD.quality })
    .toBuffer();
  const { data: detail, info } = await input()
    .resize({ width: DETAIL.width, withoutEnlargement: true })
    .webp({ quality: DETAIL.quality })
    .toBuffer({ resolveWithObject: true });
  return { card, detail, width: info.width, height: info.height };
}
