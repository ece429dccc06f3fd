/**
 * Hand-made hostile PDFs: thousands of paths, ruled grids of absurd size, page trees that lie about their count
 * or loop, absurd media boxes, giant images, compression bombs, garbage cross-references, encryption, deep
 * nesting. Pages carry bare numbers so that the reader looks for table rulings on them (the costly path).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../../read/corpus-helpers';
import { lazyCase, type CaseBuilder } from './run-files';
import { FONT, numbersText, ruledTable, simplePdf, stream, writePdf, type PdfBody } from './pdf-writer';
import { bombBytes } from './zip-writer';

function lazy(name: string, build: () => Uint8Array, expect?: string[]): CaseBuilder {
  return lazyCase(name, '.pdf', build, expect);
}

const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, 'bad', name)));

const page = (content: string): PdfBody => stream('', content);

/** Segments drawn one path each: `count` short horizontal and vertical strokes. */
function manyPaths(count: number): string {
  const ops: string[] = [];
  for (let i = 0; i < count; i++) {
    const x = 40 + (i % 500);
    const y = 40 + Math.floor(i / 500) % 700;
    ops.push(i % 2 ? `${x} ${y} m ${x + 3} ${y} l S` : `${x} ${y} m ${x} ${y + 3} l S`);
  }
  return ops.join('\n');
}

/** A page tree whose root claims `count` pages and holds one. */
function lyingCount(count: number): Uint8Array {
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [3 0 R] /Count ${count} >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    page(numbersText(12)),
    FONT,
  ]);
}

/** Kids listing the same page (or the tree itself) over and over. */
function repeatedKids(kids: string, count: number): Uint8Array {
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    page(numbersText(12)),
    FONT,
  ]);
}

/** A page painting an image XObject with the given dictionary and (deflated) data. */
function imagePage(imageDictionary: string, data: Uint8Array, predeflated: boolean): Uint8Array {
  return simplePdf([page(`${numbersText(12)}\nq 400 0 0 400 100 100 cm /Im1 Do Q`)], {
    resources: '<< /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >>',
    extra: [stream(`/Type /XObject /Subtype /Image ${imageDictionary}`, data, { predeflated })],
  });
}

/** An encryption dictionary (RC4, 40 bits) whose user password is not empty: pdf.js asks for a password. */
const ENCRYPT = `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${'7a'.repeat(32)}> /U <${'3c'.repeat(32)}> >>`;

export async function hostilePdfCases(): Promise<CaseBuilder[]> {
  const bomb = await bombBytes(1024);
  const imageBomb = await bombBytes(512, 0x00);
  const contentBomb = new Uint8Array(bomb);
  return [
    lazy('many-paths-19k', () => simplePdf([page(`${numbersText(12)}\n${manyPaths(19_000)}`)])),
    lazy('many-paths-300k', () => simplePdf([page(`${numbersText(12)}\n${manyPaths(300_000)}`)])),
    lazy('ruled-grid-60x60', () => simplePdf([page(ruledTable(60, 60, { width: 9, height: 12 }))], { mediaBox: '[0 0 600 800]' })),
    lazy('ruled-grid-1000x1000', () => simplePdf([page(`${numbersText(12)}\n${ruledTable(1000, 1000, { x0: 0, top: 1000, width: 1, height: 1 })}`)])),
    lazy('ruled-grid-4000-rows', () => simplePdf([page(ruledTable(4000, 8, { top: 800, height: 0.2 }))])),
    lazy('tables-on-400-pages', () => simplePdf(Array.from({ length: 400 }, () => page(ruledTable(20, 8))))),
    lazy('count-lies-1e6', () => lyingCount(1_000_000)),
    lazy('count-lies-negative', () => lyingCount(-5)),
    lazy('count-lies-huge', () => lyingCount(1e300)),
    lazy('kids-cycle', () => repeatedKids('2 0 R 3 0 R', 2)),
    lazy('kids-100k-same-page', () => repeatedKids('3 0 R '.repeat(100_000), 100_000)),
    lazy('pages-2000', () => simplePdf(Array.from({ length: 2000 }, (_, i) => page(numbersText(10 + (i % 5)))))),
    lazy('mediabox-1e30', () => simplePdf([page(ruledTable(10, 8))], { mediaBox: '[0 0 1e30 1e30]' })),
    lazy('mediabox-zero', () => simplePdf([page(ruledTable(10, 8))], { mediaBox: '[0 0 0 0]' })),
    lazy('mediabox-inverted-huge', () => simplePdf([page(ruledTable(10, 8))], { mediaBox: '[99999999 99999999 -99999999 -99999999]' })),
    lazy('mediabox-garbage', () => simplePdf([page(ruledTable(10, 8))], { mediaBox: '[/a (b) <c> null]' })),
    lazy('huge-coordinates', () => simplePdf([page(`${numbersText(12)}\n1e30 0 0 1e30 0 0 cm ${ruledTable(10, 8)}`)])),
    lazy('image-50000x50000-bomb', () => imagePage('/Width 50000 /Height 50000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode', imageBomb, true)),
    lazy('image-1e9-wide', () => imagePage('/Width 1000000000 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode', imageBomb, true)),
    lazy('image-inline-huge', () => simplePdf([page(`${numbersText(12)}\nq 100 0 0 100 0 0 cm BI /W 40000 /H 40000 /CS /G /BPC 8 ID \u0000\u0000 EI Q`)])),
    lazy('content-bomb-1GB', () => simplePdf([stream('', contentBomb, { predeflated: true })])),
    lazy('text-100k-pieces', () => simplePdf([page(numbersText(100_000))])),
    // A million unmatched saves: no answer comes fast, so what is asked is that a per-file limit ends it with its
    // clear message. pdf.js's text extraction was quadratic in them (chained TextState clones) and ran into the
    // time limit; with build/patches it is not, and the clones run into the memory limit first.
    lazy('save-without-restore-1M', () => simplePdf([page(`${'q '.repeat(1_000_000)}\n${ruledTable(10, 8)}`)]), ['TIMEOUT', 'FILE_TOO_COMPLEX']),
    lazy('nested-arrays-100k', () => simplePdf([page(`${numbersText(12)}\n${'['.repeat(100_000)}${']'.repeat(100_000)} TJ`)])),
    lazy('nested-dictionaries-50k', () => writePdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [] /Count 0 /X ${'<< /A '.repeat(50_000)}1${' >>'.repeat(50_000)} >>`])),
    lazy('garbage-xref', () => simplePdf([page(ruledTable(10, 8))], { pdf: { xref: 'garbage' } })),
    lazy('shifted-xref', () => simplePdf([page(ruledTable(10, 8))], { pdf: { xref: 'shifted' } })),
    lazy('no-xref', () => simplePdf([page(ruledTable(10, 8))], { pdf: { xref: 'none' } })),
    lazy('startxref-beyond-end', () => simplePdf([page(ruledTable(10, 8))], { pdf: { startxref: 2 ** 40 } })),
    lazy('startxref-negative', () => simplePdf([page(ruledTable(10, 8))], { pdf: { startxref: -1 } })),
    lazy('no-catalog', () => writePdf(['<< /Type /Pages /Kids [] /Count 0 >>'], { root: 9 })),
    lazy('header-only', () => new TextEncoder().encode('%PDF-1.7\n'), ['PDF_CORRUPT', 'NOT_A_REPORT']),
    lazy('encrypted-handmade', () => simplePdf([page(ruledTable(10, 8))], { extra: [ENCRYPT], pdf: { trailer: `/Encrypt 6 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` } }), ['PDF_ENCRYPTED']),
    lazy('encrypted-fixture', () => fixture('pdf-encrypted.pdf'), ['PDF_ENCRYPTED']),
    lazy('truncated-fixture', () => fixture('pdf-truncated.pdf')),
    lazy('not-a-pdf-fixture', () => fixture('pdf-not-a-pdf.pdf'), ['NOT_A_PDF']),
    lazy('empty-fixture', () => fixture('pdf-empty.pdf'), ['EMPTY_FILE']),
    lazy('broken-font', () => simplePdf([page(ruledTable(10, 8))], {
      resources: '<< /Font << /F1 6 0 R >> >>',
      extra: ['<< /Type /Font /Subtype /TrueType /BaseFont /Broken /FirstChar 0 /LastChar 255 /Widths [] /FontDescriptor 7 0 R >>', '<< /Type /FontDescriptor /FontName /Broken /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 8 0 R >>', stream('', new Uint8Array(4096).map((_, i) => (i * 131) % 256))],
    })),
  ];
}
