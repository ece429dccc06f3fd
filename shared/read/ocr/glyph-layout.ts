/**
 * Re-laying a cell's ink before recognition, for two cases the recognizer reads badly as printed:
 * - digits set close together (“11” is read as “1”): each glyph moved apart by a clear gap;
 * - a label set upright, one or two characters per line (表头 竖排): its lines put side by side as one line.
 * Works on a black-on-white binary image; returns a new one.
 */
import type { GreyImage } from './grey-image';

interface Span {
  from: number;
  to: number;
}

/** Runs of ink along x (columns holding ink) or y (rows holding ink). */
function inkSpans(image: GreyImage, alongX: boolean): Span[] {
  const length = alongX ? image.width : image.height;
  const across = alongX ? image.height : image.width;
  const spans: Span[] = [];
  let start = -1;
  for (let k = 0; k <= length; k++) {
    let ink = false;
    if (k < length) {
      for (let j = 0; j < across && !ink; j++) ink = image.data[alongX ? j * image.width + k : k * image.width + j] < 128;
    }
    if (ink && start < 0) start = k;
    else if (!ink && start >= 0) {
      spans.push({ from: start, to: k - 1 });
      start = -1;
    }
  }
  return spans;
}

function blank(width: number, height: number): GreyImage {
  return { width, height, data: new Uint8Array(width * height).fill(255) };
}

function copy(from: GreyImage, to: GreyImage, sx: number, sy: number, w: number, h: number, dx: number, dy: number): void {
  for (let y = 0; y < h; y++) to.data.set(from.data.subarray((sy + y) * from.width + sx, (sy + y) * from.width + sx + w), (dy + y) * to.width + dx);
}

/** Glyphs (column runs of ink) spaced apart by a third of the ink's height; the image as is when one glyph. */
export function spaceGlyphs(image: GreyImage, margin: number): GreyImage {
  const glyphs = inkSpans(image, true);
  const rows = inkSpans(image, false);
  if (glyphs.length < 2 || rows.length === 0) return image;
  const top = rows[0].from;
  const height = rows[rows.length - 1].to - top + 1;
  const gap = Math.max(2, Math.round(height / 3));
  const width = glyphs.reduce((sum, glyph) => sum + glyph.to - glyph.from + 1, 0) + gap * (glyphs.length - 1) + 2 * margin;
  const out = blank(width, height + 2 * margin);
  let x = margin;
  for (const glyph of glyphs) {
    const w = glyph.to - glyph.from + 1;
    copy(image, out, glyph.from, top, w, height, x, margin);
    x += w + gap;
  }
  return out;
}

/**
 * An upright label (lines of one or two characters stacked) as one line; null when
 * the ink does not look like that (two lines or more, each a character or two, stacked higher than wide). Lines are the row runs of ink, joined while they fit in one character's
 * height (a character such as 三 has white rows inside it).
 */
export function uprightToLine(image: GreyImage, margin: number): GreyImage | null {
  const bands = inkSpans(image, false);
  if (bands.length < 2) return null;
  const columns = inkSpans(image, true);
  const inkWidth = columns.length > 0 ? columns[columns.length - 1].to - columns[0].from + 1 : 0;
  const tallest = Math.max(...bands.map((band) => band.to - band.from + 1));
  const lines: Span[] = [];
  for (const band of bands) {
    const last = lines[lines.length - 1];
    if (last && band.to - last.from + 1 <= tallest * 1.2) last.to = band.to;
    else lines.push({ ...band });
  }
  const inkHeight = bands[bands.length - 1].to - bands[0].from + 1;
  if (lines.length < 2 || inkHeight < 1.5 * inkWidth || inkWidth > 2.6 * tallest) return null;
  const height = Math.max(...lines.map((line) => line.to - line.from + 1));
  const gap = Math.max(2, Math.round(tallest / 4));
  const left = columns[0].from;
  const width = lines.length * inkWidth + gap * (lines.length - 1) + 2 * margin;
  const out = blank(width, height + 2 * margin);
  lines.forEach((line, i) => {
    const h = line.to - line.from + 1;
    copy(image, out, left, line.from, inkWidth, h, margin + i * (inkWidth + gap), margin + Math.round((height - h) / 2));
  });
  return out;
}
