/**
 * Table rulings in a scanned page: long thin runs of ink, found row by row (horizontal) and column by column
 * (vertical) on a level (deskewed) binary image. A run may be broken by a few missing pixels (noise, a faint
 * scan) and a line may be several pixels thick; runs of ink as short as a few characters are text, and bands
 * thicker than a line are pictures or shading. The skew of the page is measured first from the ink itself.
 */

/** A ruling in pixel space (y down): horizontal at `y` from x0 to x1, or vertical at `x` from y0 to y1. */
export interface PixelHLine {
  y: number;
  x0: number;
  x1: number;
  thickness: number;
}

export interface PixelVLine {
  x: number;
  y0: number;
  y1: number;
  thickness: number;
}

export interface PixelRulings {
  horizontal: PixelHLine[];
  vertical: PixelVLine[];
}

export interface RulingOptions {
  /** Pixels per inch of the image (sets what counts as long and as thin). Default 150. */
  dpi?: number;
}

/** A ruling is at least this long (inches): longer than a few characters. */
const MIN_LENGTH_INCH = 0.3;
/** … and at most this thick (inches). */
const MAX_THICKNESS_INCH = 0.06;
/** A run is at least this share ink (a ruling is solid; merged strokes of text are not). */
const SOLID = 0.9;
/** Gaps of up to this many pixels per 150 dpi do not break a run. */
const GAP_AT_150 = 2;

export function findRulings(ink: Uint8Array, width: number, height: number, options: RulingOptions = {}): PixelRulings {
  const dpi = options.dpi ?? 150;
  const minLength = Math.max(12, Math.round(MIN_LENGTH_INCH * dpi));
  const maxThickness = Math.max(3, Math.round(MAX_THICKNESS_INCH * dpi));
  const gap = Math.max(2, Math.round((GAP_AT_150 * dpi) / 150));
  const rows = runsAlong(ink, width, height, true, minLength, gap);
  const columns = runsAlong(ink, width, height, false, minLength, gap);
  return {
    horizontal: joinRuns(rows, maxThickness).map(({ at, from, to, thickness }) => ({ y: at, x0: from, x1: to, thickness })),
    vertical: joinRuns(columns, maxThickness).map(({ at, from, to, thickness }) => ({ x: at, y0: from, y1: to, thickness })),
  };
}

interface Run {
  line: number;
  from: number;
  to: number;
}

/**
 * Long runs of ink along each row (or each column), in order of the row (column). A run may bridge gaps of
 * `gap` pixels, but must be nearly solid: strokes of neighbouring characters on a blurred scan merge into
 * long runs too, and those are full of small gaps.
 */
function runsAlong(ink: Uint8Array, width: number, height: number, horizontal: boolean, minLength: number, gap: number): Run[][] {
  const lines = horizontal ? height : width;
  const length = horizontal ? width : height;
  const stepAlong = horizontal ? 1 : width;
  const stepAcross = horizontal ? width : 1;
  const result: Run[][] = [];
  for (let line = 0; line < lines; line++) {
    const runs: Run[] = [];
    let start = -1;
    let last = -1;
    let filled = 0;
    const close = () => {
      if (start >= 0 && last - start + 1 >= minLength && filled >= SOLID * (last - start + 1)) runs.push({ line, from: start, to: last });
    };
    let index = line * stepAcross;
    for (let k = 0; k < length; k++, index += stepAlong) {
      if (ink[index]) {
        if (start < 0 || k - last > gap + 1) {
          close();
          start = k;
          filled = 0;
        }
        last = k;
        filled++;
      }
    }
    close();
    result.push(runs);
  }
  return result;
}

/**
 * Long runs on neighbouring rows that overlap are one line (a thick line, or one left a little slanted after
 * levelling, which steps from row to row). Its position is the ink-weighted centre, its thickness the ink per
 * unit of length; bands thicker than a line (a picture, shading) are dropped.
 */
function joinRuns(lines: Run[][], maxThickness: number): { at: number; from: number; to: number; thickness: number }[] {
  const runs = lines.flat();
  const parent = runs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const start: number[] = [];
  let offset = 0;
  for (const row of lines) {
    start.push(offset);
    offset += row.length;
  }
  for (let line = 1; line < lines.length; line++) {
    const above = lines[line - 1];
    lines[line].forEach((run, k) => {
      above.forEach((other, j) => {
        if (overlap(run, other) > 0) parent[find(start[line] + k)] = find(start[line - 1] + j);
      });
    });
  }
  const bands = new Map<number, { from: number; to: number; weighted: number; weight: number }>();
  runs.forEach((run, i) => {
    const root = find(i);
    const length = run.to - run.from + 1;
    const band = bands.get(root);
    if (band) {
      band.from = Math.min(band.from, run.from);
      band.to = Math.max(band.to, run.to);
      band.weighted += run.line * length;
      band.weight += length;
    } else bands.set(root, { from: run.from, to: run.to, weighted: run.line * length, weight: length });
  });
  return [...bands.values()]
    .map((band) => ({ at: band.weighted / band.weight, from: band.from, to: band.to, thickness: band.weight / (band.to - band.from + 1) }))
    .filter((band) => band.thickness <= maxThickness)
    .sort((a, b) => a.at - b.at || a.from - b.from);
}

function overlap(a: { from: number; to: number }, b: { from: number; to: number }): number {
  return Math.min(a.to, b.to) - Math.max(a.from, b.from);
}

/**
 * The page's skew (radians; positive: lines go down to the right), within ±maxDegrees: the angle at which the
 * ink's row profile is sharpest (rulings and text lines line up). Zero when the image holds too little ink.
 */
export function estimateSkew(ink: Uint8Array, width: number, height: number, maxDegrees = 3): number {
  const points: number[] = [];
  // Every ink pixel: sampling every other row would alias with a thin slanted line's steps, which then line up
  // at angle 0. Very large pictures are sampled column-wise only.
  const step = width * height > 12_000_000 ? 2 : 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x += step) if (ink[y * width + x]) points.push(x, y);
  }
  if (points.length < 200) return 0;
  const score = (degrees: number) => {
    const tan = Math.tan((degrees * Math.PI) / 180);
    const offset = Math.ceil(Math.abs(tan) * width) + 1;
    const histogram = new Float64Array(height + 2 * offset);
    for (let i = 0; i < points.length; i += 2) histogram[Math.round(points[i + 1] - points[i] * tan) + offset]++;
    let sum = 0;
    for (const count of histogram) sum += count * count;
    return sum;
  };
  let best = 0;
  let bestScore = score(0);
  for (let degrees = -maxDegrees; degrees <= maxDegrees + 1e-9; degrees += 0.2) {
    const s = score(degrees);
    if (s > bestScore * 1.0001) [best, bestScore] = [degrees, s];
  }
  const coarse = best;
  for (let degrees = coarse - 0.2; degrees <= coarse + 0.2 + 1e-9; degrees += 0.02) {
    const s = score(degrees);
    if (s > bestScore * 1.0001) [best, bestScore] = [degrees, s];
  }
  return (best * Math.PI) / 180;
}
