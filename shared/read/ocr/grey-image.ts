/**
 * A grey bitmap (one byte per pixel, 0 black … 255 white, rows top to bottom) and the few operations the OCR
 * reader needs on it: taking a PDF image's pixels, a threshold, deskewing, cropping, scaling, and writing it
 * as a PGM file for the recognizer. Pure TypeScript.
 */

export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** pdf.js ImageKind: 1 bit per pixel (1 = white, rows padded to bytes), RGB, RGBA. */
export const IMAGE_KIND = { GRAYSCALE_1BPP: 1, RGB_24BPP: 2, RGBA_32BPP: 3 } as const;

/** A decoded PDF image (pdf.js's `{ width, height, kind, data }`) as grey pixels; null for a kind not known. */
export function greyFromPdfImage(image: { width: number; height: number; kind?: number; data?: ArrayLike<number> }): GreyImage | null {
  const { width, height, kind, data } = image;
  if (!data || !(width > 0) || !(height > 0)) return null;
  const out = new Uint8Array(width * height);
  if (kind === IMAGE_KIND.GRAYSCALE_1BPP) {
    const stride = (width + 7) >> 3;
    if (data.length < stride * height) return null;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) out[y * width + x] = data[y * stride + (x >> 3)] & (0x80 >> (x & 7)) ? 255 : 0;
    }
    return { width, height, data: out };
  }
  const channels = kind === IMAGE_KIND.RGB_24BPP ? 3 : kind === IMAGE_KIND.RGBA_32BPP ? 4 : 0;
  if (channels === 0 || data.length < width * height * channels) return null;
  for (let i = 0, j = 0; i < out.length; i++, j += channels) {
    // Integer luma (ITU-R 601).
    out[i] = (data[j] * 299 + data[j + 1] * 587 + data[j + 2] * 114 + 500) / 1000;
  }
  return { width, height, data: out };
}

/** Otsu's threshold: pixels below it are ink. Kept within [60, 220] so a blank or all-dark image stays sane. */
export function inkThreshold(image: GreyImage): number {
  const histogram = new Array<number>(256).fill(0);
  const step = image.data.length > 4_000_000 ? 4 : 1;
  let total = 0;
  for (let i = 0; i < image.data.length; i += step, total++) histogram[image.data[i]]++;
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * histogram[v];
  let sumBelow = 0;
  let below = 0;
  let best = 128;
  let bestVariance = -1;
  for (let t = 0; t < 256; t++) {
    below += histogram[t];
    if (below === 0) continue;
    const above = total - below;
    if (above === 0) break;
    sumBelow += t * histogram[t];
    const meanBelow = sumBelow / below;
    const meanAbove = (sum - sumBelow) / above;
    const variance = below * above * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = t + 1;
    }
  }
  return Math.min(220, Math.max(60, best));
}

/** 1 where the pixel is ink. */
export function binarize(image: GreyImage, threshold = inkThreshold(image)): Uint8Array {
  const ink = new Uint8Array(image.data.length);
  for (let i = 0; i < ink.length; i++) ink[i] = image.data[i] < threshold ? 1 : 0;
  return ink;
}

/**
 * The image turned by `-angle` (radians) about its centre, so that content skewed by `angle` (a line going
 * down to the right for a positive angle) comes out level. Bilinear, white outside.
 */
export function rotate(image: GreyImage, angle: number): GreyImage {
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  for (let v = 0; v < height; v++) {
    const dy = v - cy;
    for (let u = 0; u < width; u++) {
      const dx = u - cx;
      const x = cx + dx * cos - dy * sin;
      const y = cy + dx * sin + dy * cos;
      out[v * width + u] = sample(data, width, height, x, y);
    }
  }
  return { width, height, data: out };
}

function sample(data: Uint8Array, width: number, height: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < 0 || y0 < 0 || x0 >= width - 1 || y0 >= height - 1) {
    const xi = Math.round(x);
    const yi = Math.round(y);
    return xi >= 0 && yi >= 0 && xi < width && yi < height ? data[yi * width + xi] : 255;
  }
  const fx = x - x0;
  const fy = y - y0;
  const i = y0 * width + x0;
  const top = data[i] + (data[i + 1] - data[i]) * fx;
  const bottom = data[i + width] + (data[i + width + 1] - data[i + width]) * fx;
  return Math.round(top + (bottom - top) * fy);
}

/** The pixels of a rectangle (clamped to the image). */
export function crop(image: GreyImage, x0: number, y0: number, x1: number, y1: number): GreyImage {
  const left = Math.max(0, Math.floor(x0));
  const top = Math.max(0, Math.floor(y0));
  const right = Math.min(image.width, Math.ceil(x1));
  const bottom = Math.min(image.height, Math.ceil(y1));
  const width = Math.max(0, right - left);
  const height = Math.max(0, bottom - top);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) data.set(image.data.subarray((top + y) * image.width + left, (top + y) * image.width + left + width), y * width);
  return { width, height, data };
}

/** The image with a white margin of `margin` pixels round it. */
export function pad(image: GreyImage, margin: number): GreyImage {
  const width = image.width + 2 * margin;
  const height = image.height + 2 * margin;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < image.height; y++) data.set(image.data.subarray(y * image.width, (y + 1) * image.width), (y + margin) * width + margin);
  return { width, height, data };
}

/** Bilinear scaling by `factor`. */
export function scale(image: GreyImage, factor: number): GreyImage {
  if (factor === 1) return image;
  const width = Math.max(1, Math.round(image.width * factor));
  const height = Math.max(1, Math.round(image.height * factor));
  const data = new Uint8Array(width * height);
  for (let v = 0; v < height; v++) {
    const y = Math.min(image.height - 1, Math.max(0, (v + 0.5) / factor - 0.5));
    for (let u = 0; u < width; u++) {
      const x = Math.min(image.width - 1, Math.max(0, (u + 0.5) / factor - 0.5));
      data[v * width + u] = sample(image.data, image.width, image.height, x, y);
    }
  }
  return { width, height, data };
}

/** A binary PGM (P5) file of the image: a format the recognizer's image reader takes as is. */
export function toPgm(image: GreyImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const file = new Uint8Array(header.length + image.data.length);
  file.set(header);
  file.set(image.data, header.length);
  return file;
}
