/**
 * Makes a degraded copy of a scanned PDF for measuring OCR: its pages rendered grey at a given resolution
 * (pdftoppm, poppler-utils), turned by a few degrees and sprinkled with noise, written back as an image-only
 * PDF (one Flate-compressed grey image per page, A4).
 *
 *   npx tsx test/bench/degrade-scan.ts in.pdf out.pdf --dpi 100 --rotate 1.2 --noise 0.01
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { rotate, type GreyImage } from '../../shared/read/ocr/grey-image';

const [input, output, ...rest] = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? Number(rest[i + 1]) : fallback;
};
const dpi = option('dpi', 150);
const degrees = option('rotate', 0);
const noise = option('noise', 0);

function readPgm(bytes: Buffer): GreyImage {
  const header = bytes.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('not a binary PGM');
  const [, width, height] = header.map(Number);
  return { width, height, data: new Uint8Array(bytes.subarray(header[0].length, header[0].length + width * height)) };
}

/** mulberry32: a small PRNG without the row-aligned lattice a plain LCG leaves in the noise. */
let seed = 11;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const work = mkdtempSync(join(tmpdir(), 'degrade-'));
try {
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), input, join(work, 'p')]);
  const pages = readdirSync(work).filter((name) => name.endsWith('.pgm')).sort().map((name) => readPgm(readFileSync(join(work, name))));
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => objects.push(Buffer.isBuffer(body) ? body : Buffer.from(body, "latin1"));
  const pageIds: number[] = [];
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('PAGES');
  for (const page of pages) {
    let image = degrees ? rotate(page, (-degrees * Math.PI) / 180) : page;
    if (noise) {
      const data = image.data.slice();
      for (let i = 0; i < data.length; i++) if (random() < noise) data[i] = data[i] > 128 ? 60 : 220;
      image = { ...image, data };
    }
    const pixels = deflateSync(image.data);
    const imageId = add(Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${pixels.length} >>\nstream\n`, 'latin1'), pixels, Buffer.from('\nendstream', 'latin1')]));
    const content = `q 595.28 0 0 841.89 0 0 cm /Im0 Do Q`;
    const contentId = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    pageIds.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /XObject << /Im0 ${imageId} 0 R >> >> /Contents ${contentId} 0 R >>`));
  }
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`, 'latin1');
  const chunks: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0].length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  chunks.push(Buffer.from(xref, 'latin1'));
  writeFileSync(output, Buffer.concat(chunks));
  console.log(`${output}: ${pages.length} pages at ${dpi} dpi, turned ${degrees}°, noise ${noise}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
