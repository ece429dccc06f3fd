/**
 * readPdf: the bytes of a PDF in, paragraphs and table grids out, page by page, with every cell's page and box.
 * pdf.js (legacy build) does the parsing; the caller passes where its cMaps, standard fonts and wasm are,
 * since without cMaps a PDF with a non-embedded Chinese font yields no text at all.
 */
import type { Block, DocumentContent, GridCell, SourceRef, TableGrid } from '../../model/grid';
import { compactText } from '../../text/normalize';
import { ReadError } from '../errors';
import { invert, mapBox, type Box, type Matrix, type TextPiece } from './geometry';
import type { OcrPageResult, ScannedPdfPage } from '../ocr/ocr-page';
import { pageScan, readRulings, toTextPieces, MAX_SEGMENTS, type OpsCodes, type OperatorList, type PageDrawing, type PaintedImage, type TextItemLike } from './page-content';
import { dropRunningLines, joinParagraphsAcrossPages, type PageBlocks } from './page-furniture';
import { paragraphsOf, type ProseParagraph } from './paragraphs';
import { stitchTables } from './stitch';
import { findTables, type PdfTable } from './table-grid';
import { findTextTables } from './text-table';
import { joinLooseHeaders, withHeaderLines } from './loose-header';
import { isGarbledText } from './garbled-text';
import { groupLines } from './text-lines';
import { pageTurn, runsSquare, turnItems, uprightMatrix } from './page-turn';

export interface ReadPdfOptions {
  /** Folder URL or path of pdfjs-dist's cmaps/ (with the trailing slash). */
  cMapUrl: string;
  /** Folder URL or path of pdfjs-dist's standard_fonts/. */
  standardFontDataUrl: string;
  /** Folder URL or path of pdfjs-dist's wasm/. */
  wasmUrl?: string;
  /** Read at most this many pages (the report's tables come early). Default 400. */
  maxPages?: number;
  /** pdf.js BinaryDataFactory class, e.g. one that keeps cMaps and fonts in memory across documents. */
  binaryDataFactory?: unknown;
  /**
   * Told the paragraph texts of the pages read so far (one array per page), says whether the report has
   * ended, so a long PDF is read only as far as needed.
   */
  stopAfter?: (pages: string[][]) => boolean;
  /**
   * Reads a page that has no text layer some other way (OCR, asked for by the reviewer): its tables, with
   * cells marked `ocr`, and its lines of text. The page is still listed among the pages without text.
   */
  ocrPage?: (page: ScannedPdfPage) => Promise<OcrPageResult | null>;
}

interface PdfJs {
  getDocument(params: Record<string, unknown>): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
  OPS: Record<string, number>;
}

interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}

interface PdfPage {
  view: number[];
  getTextContent(options?: { disableNormalization?: boolean }): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<OperatorList>;
  cleanup(): void;
  objs: PdfObjects;
  commonObjs: PdfObjects;
}

interface PdfObjects {
  get(objId: string, callback: (data: unknown) => void): void;
}

let pdfjsModule: Promise<PdfJs> | null = null;

/**
 * pdf.js's legacy build (the one that runs on Node 20) installs core-js polyfills as it loads, in the API
 * module and again in the worker module; one of them replaces Array.prototype.push for the whole process on
 * V8 ≤ 12.1 to fix an edge case of non-writable lengths that no code here meets, and makes every push several
 * times slower (a sixth of a PDF's reading time). So the worker module is loaded here, up front, handed to
 * pdf.js the documented way (globalThis.pdfjsWorker), and the native method is put back after both.
 */
function loadPdfJs(): Promise<PdfJs> {
  const nativePush = Array.prototype.push;
  pdfjsModule ??= (async () => {
    const api = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
    const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    if (Array.prototype.push !== nativePush) Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, configurable: true });
    return api;
  })();
  return pdfjsModule;
}

/**
 * Nothing is drawn on this side, but pdf.js, told there is no place to put fonts (disableFontFace, the Node
 * default), compiles every glyph it meets into a drawing path instead: a sixth of the reading time. Given a
 * document whose style sheet takes the font rules and drops them, it keeps the fonts as data and moves on.
 */
const FONT_SINK_DOCUMENT = {
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
};

/**
 * Where the process has a FontFace (given one on the Node side: electron/services/font-face-sink.ts), the sink
 * also has a font set, and pdf.js hands fonts over as data instead of writing each into a base64 CSS rule.
 */
function fontSinkDocument(): object {
  if (typeof (globalThis as { FontFace?: unknown }).FontFace !== 'function') return FONT_SINK_DOCUMENT;
  return { ...FONT_SINK_DOCUMENT, fonts: { add: () => undefined, delete: () => true } };
}

export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions): Promise<DocumentContent> {
  assertPdfSignature(bytes);
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    cMapUrl: options.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: options.standardFontDataUrl,
    wasmUrl: options.wasmUrl,
    ...(options.binaryDataFactory ? { BinaryDataFactory: options.binaryDataFactory } : {}),
    isEvalSupported: false,
    disableFontFace: false,
    ownerDocument: fontSinkDocument(),
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (error) {
    throw openError(error);
  }
  try {
    return await readPages(doc, pdfjs.OPS as unknown as OpsCodes & Record<string, number>, options);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError('PDF_CORRUPT', undefined, { cause: error });
  } finally {
    await doc.destroy();
  }
}

function assertPdfSignature(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ReadError('EMPTY_FILE');
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw new ReadError('NOT_A_PDF');
}

function openError(error: unknown): ReadError {
  const name = (error as { name?: string })?.name ?? '';
  if (name === 'PasswordException') return new ReadError('PDF_ENCRYPTED', undefined, { cause: error });
  return new ReadError('PDF_CORRUPT', undefined, { cause: error });
}

interface PageResult extends PageBlocks {
  hasText: boolean;
  /** For a page read in an upright frame (page-turn.ts): the way back to its user space. */
  toUserSpace?: Matrix;
  /** The page could not be parsed (it is not listed as a page without text either). */
  failed?: boolean;
}

async function readPages(doc: PdfDocument, OPS: OpsCodes & Record<string, number>, options: ReadPdfOptions): Promise<DocumentContent> {
  const pages = Math.min(doc.numPages, options.maxPages ?? 400);
  const results: PageResult[] = [];
  const pagesWithoutText: number[] = [];
  const texts: string[][] = [];
  const scope: ReadingScope = { reportBegun: false, tableHeadingBefore: false };
  for (let n = 1; n <= pages; n++) {
    const result = await readPage(doc, n, OPS, scope, options.ocrPage);
    if (!result.hasText && !result.failed) pagesWithoutText.push(n);
    results.push(result);
    texts.push(result.blocks.flatMap(({ block }) => ('type' in block && block.type === 'paragraph' ? [block.text] : [])));
    if (options.stopAfter?.(texts)) break;
  }
  if (results.length > 0 && results.every((result) => result.failed)) throw new ReadError('PDF_CORRUPT');
  dropRunningLines(results);
  joinParagraphsAcrossPages(results);
  const tables = stitchTables(results.map((result) => result.blocks));
  const blocks = inUserSpace(toBlocks(tables), results);
  return { format: 'pdf', blocks, pageCount: doc.numPages, pagesRead: results.length, pagesWithoutText };
}

/** What the pages read so far tell of the next. */
interface ReadingScope {
  /** Some page named 政府信息公开: the report (or a report) has begun. */
  reportBegun: boolean;
  /** The page before named the heading of a table's section (its table, a picture, may begin this page). */
  tableHeadingBefore: boolean;
}

/**
 * Pages of figures are looked at for tables on the first pages of a PDF, or once the report has begun: a
 * report at the head of a file whose words cannot be trusted (an OCR layer) is still read, and a long file of
 * statistical tables with the report at its end is not read for rulings page by page.
 */
const HEAD_PAGES = 20;

/** A page that cannot be read (a truncated file) is left out; the rest of the document is still read. */
async function readPage(doc: PdfDocument, n: number, OPS: OpsCodes & Record<string, number>, scope: ReadingScope, ocrPage?: ReadPdfOptions['ocrPage']): Promise<PageResult> {
  try {
    return await readReadablePage(doc, n, OPS, scope, ocrPage);
  } catch {
    return { frame: { x0: 0, y0: 0, x1: 0, y1: 0 }, blocks: [], prose: new Map(), hasText: false, failed: true };
  }
}

async function readReadablePage(doc: PdfDocument, n: number, OPS: OpsCodes & Record<string, number>, scope: ReadingScope, ocrPage?: ReadPdfOptions['ocrPage']): Promise<PageResult> {
  const page = await doc.getPage(n);
  try {
    const { pieces, frame, toUpright } = await uprightText(page);
    // Undecodable text is no text: the page is listed with the scans (NO-TEXT-LAYER), not read as gibberish.
    if (isGarbledText(pieces.map((piece) => piece.text).join(''))) return { frame, blocks: [], prose: new Map(), hasText: false };
    const pageText = compactPageText(pieces);
    scope.reportBegun ||= pageText.includes('政府信息公开');
    const numbersCount = n <= HEAD_PAGES || scope.reportBegun;
    const holdsTable = mayHoldTable(pieces, { numbersCount, pageText });
    const toScan = pieces.length === 0 && ocrPage !== undefined;
    const namesTableSection = TABLE_SECTION_HEADING.test(pageText);
    const mayHoldPicture = pieces.length > 0 && (namesTableSection || scope.tableHeadingBefore);
    scope.tableHeadingBefore = namesTableSection;
    const drawing = holdsTable || toScan || mayHoldPicture ? readRulings(await page.getOperatorList(), OPS, toUpright) : null;
    const rulings = holdsTable ? drawing : null;
    const tooManyPaths = !rulings || rulings.segments > MAX_SEGMENTS;
    const scanned = toScan && drawing ? await ocrPage({ page: n, frame, images: drawing.images, image: (id) => objectOf(page, id) }) : null;
    const ruled = scanned ? { tables: scanned.tables, rest: scanned.pieces } : tooManyPaths ? { tables: [], rest: pieces } : withoutFrames(findTables(rulings, pieces, n), pieces);
    // Text left over by ruled tables is looked at again; the page's own text was looked at just above.
    const restHoldsTable = !scanned && (ruled.rest === pieces ? holdsTable : mayHoldTable(ruled.rest, { numbersCount }));
    const unruled = restHoldsTable ? findTextTables(ruled.rest, n) : { tables: [], rest: ruled.rest };
    const joined = joinLooseHeaders(ruled.tables, unruled.tables);
    const lined = withHeaderLines(joined.ruled, unruled.rest);
    const found = [...lined.tables, ...joined.unruled];
    // Pictures are looked at only where no table was found: a logo in the page's head must not part a table
    // the page break cut from its continuation.
    const pictures = mayHoldPicture && drawing && found.length === 0 ? await readPictures(tablePictures(drawing.images, pieces), { page: n, frame, images: drawing.images, image: (id) => objectOf(page, id) }, ocrPage) : { tables: [], unread: [] };
    const tables = [...(rulings && isScanWithTextLayer(rulings, frame) ? found.map(markedAsOcr) : found), ...pictures.tables];
    const rest = lined.rest;
    const prose = new Map<Block, ProseParagraph>();
    const paragraphBlocks = paragraphsOf(groupLines(rest)).map((paragraph) => {
      const block: Block = { type: 'paragraph', text: paragraph.text, source: { kind: 'pdf', page: n, box: boxArray(linesBox(paragraph.lines)) } };
      prose.set(block, paragraph);
      return { top: paragraph.top, block };
    });
    const pictureBlocks = pictures.unread.map(({ box }) => ({ top: box.y1, block: { type: 'image', source: { kind: 'pdf', page: n, box: boxArray(box) } } satisfies Block }));
    const blocks = [...tables.map((table) => ({ top: table.box.y1, block: table })), ...paragraphBlocks, ...pictureBlocks].sort((a, b) => b.top - a.top);
    return { frame, blocks, prose, hasText: pieces.length > 0, ...(toUpright ? { toUserSpace: invert(toUpright) } : {}) };
  } finally {
    page.cleanup();
  }
}

/** The page's text as pieces in an upright frame (page-turn.ts), text set at a slant left out. */
async function uprightText(page: PdfPage): Promise<{ pieces: TextPiece[]; frame: Box; toUpright?: Matrix }> {
  const [vx0, vy0, vx1, vy1] = page.view;
  const view = { x0: Math.min(vx0, vx1), y0: Math.min(vy0, vy1), x1: Math.max(vx0, vx1), y1: Math.max(vy0, vy1) };
  const text = await page.getTextContent({ disableNormalization: true });
  const items = text.items.filter((item): item is TextItemLike => typeof (item as TextItemLike).str === 'string' && runsSquare(item as TextItemLike));
  const turn = pageTurn(items);
  if (turn === 0) return { pieces: toTextPieces(items), frame: view };
  const toUpright = uprightMatrix(turn, view);
  return { pieces: toTextPieces(turnItems(items, toUpright)), frame: mapBox(toUpright, view), toUpright };
}

/**
 * A scanned page with an OCR tool's invisible text laid over it (a "searchable" scan): its text is what that
 * tool recognised, not what the author wrote, so values read from it need the reviewer's confirmation.
 */
function isScanWithTextLayer(drawing: PageDrawing, frame: Box): boolean {
  return drawing.invisibleText && pageScan(drawing.images, frame) !== null;
}

/** The headings of sections 二, 三 and 四, whose tables some reports paste as pictures. */
const TABLE_SECTION_HEADING = /主动公开政府信息情况|收到和处理政府信息公开申请|行政复议.{0,2}行政诉讼/;

/**
 * Pictures that may be a table pasted as one (a screenshot of a spreadsheet): 150 pt wide or more (a third of
 * a page's text), half an inch tall, and no text over them (a letterhead or watermark image has text on it).
 */
function tablePictures(images: PaintedImage[], pieces: TextPiece[]): PaintedImage[] {
  const under = (box: Box) => (piece: TextPiece) => {
    const x = (piece.x0 + piece.x1) / 2;
    return x > box.x0 + 2 && x < box.x1 - 2 && piece.y > box.y0 + 2 && piece.y < box.y1 - 2;
  };
  return images.filter(({ box }) => box.x1 - box.x0 >= 150 && box.y1 - box.y0 >= 36 && !pieces.some(under(box)));
}

/**
 * A table's picture is read by OCR where the reviewer asked for it (its cells marked `ocr`); a picture not
 * read, or in which no table was found, stays a picture (the table is reported as one).
 */
async function readPictures(pictures: PaintedImage[], page: Omit<ScannedPdfPage, 'picture'>, ocrPage?: ReadPdfOptions['ocrPage']): Promise<{ tables: PdfTable[]; unread: PaintedImage[] }> {
  const tables: PdfTable[] = [];
  const unread: PaintedImage[] = [];
  for (const picture of pictures) {
    const read = ocrPage ? await ocrPage({ ...page, picture }) : null;
    if (read && read.tables.length > 0) tables.push(...read.tables);
    else unread.push(picture);
  }
  return { tables, unread };
}

function markedAsOcr(table: PdfTable): PdfTable {
  return { ...table, cells: table.cells.map((cell) => ({ ...cell, ocr: true })) };
}

/** A painted image's data: page-local objects, or shared ones (ids starting with g_). */
function objectOf(page: PdfPage, objId: string): Promise<unknown> {
  return new Promise((resolve) => (objId.startsWith('g_') ? page.commonObjs : page.objs).get(objId, resolve));
}

/**
 * A "table" of one column is a frame (a box drawn round a table without inner lines, a border round the page):
 * its text goes back to be read by alignment, or as prose.
 */
function withoutFrames(found: { tables: PdfTable[]; rest: TextPiece[] }, pieces: TextPiece[]): { tables: PdfTable[]; rest: TextPiece[] } {
  const frames = found.tables.filter((table) => table.xs.length <= 2);
  if (frames.length === 0) return found;
  const rest = new Set(found.rest);
  const inFrame = (piece: TextPiece) => frames.some(({ box }) => piece.x0 >= box.x0 - 1 && piece.x1 <= box.x1 + 1 && piece.y >= box.y0 - 1 && piece.y <= box.y1 + 1);
  return { tables: found.tables.filter((table) => !frames.includes(table)), rest: pieces.filter((piece) => rest.has(piece) || inFrame(piece)) };
}

const TABLE_WORDS = /第二十条|信息内容|申请人情况|自然人|法人或其他组织|本年新收|予以公开|行政复议|行政诉讼|结果维持|本年制发|处理决定/;

/**
 * Only pages that may hold a statistics table have their drawing read for rulings (the costly part of
 * reading a page): those naming a table's words, or, where `numbersCount`, holding many bare numbers (a
 * table's continuation may hold nothing else). The words are looked for in the page's text as a whole
 * (`pageText`, compact, where the caller has it), since some producers give one text item per character.
 */
export function mayHoldTable(pieces: { text: string }[], { numbersCount = true, pageText }: { numbersCount?: boolean; pageText?: string } = {}): boolean {
  let numbers = 0;
  if (numbersCount) {
    for (const piece of pieces) {
      if (/^\s*\d{1,7}(?:\.\d+)?\s*$/.test(piece.text.normalize('NFKC')) && ++numbers >= 8) return true;
    }
  }
  return TABLE_WORDS.test(pageText ?? compactPageText(pieces));
}

function compactPageText(pieces: { text: string }[]): string {
  return compactText(pieces.map((piece) => piece.text).join(''));
}

/** Boxes found on pages read in an upright frame, taken back to those pages' user space (where the viewer draws). */
function inUserSpace(blocks: Block[], pages: PageResult[]): Block[] {
  if (!pages.some((page) => page.toUserSpace)) return blocks;
  const back = (source: SourceRef): SourceRef => {
    const matrix = source.kind === 'pdf' ? pages[source.page - 1]?.toUserSpace : undefined;
    if (!matrix || source.kind !== 'pdf') return source;
    const [x0, y0, x1, y1] = source.box;
    return { ...source, box: boxArray(mapBox(matrix, { x0, y0, x1, y1 })) };
  };
  return blocks.map((block) => {
    if (block.type === 'table') return { ...block, grid: { ...block.grid, cells: block.grid.cells.map((cell) => ({ ...cell, source: back(cell.source) })) } };
    return { ...block, source: back(block.source) };
  });
}

function linesBox(lines: { x0: number; x1: number; y: number; size: number }[]): Box {
  return {
    x0: Math.min(...lines.map((l) => l.x0)),
    x1: Math.max(...lines.map((l) => l.x1)),
    y0: Math.min(...lines.map((l) => l.y - l.size * 0.2)),
    y1: Math.max(...lines.map((l) => l.y + l.size * 0.8)),
  };
}

function boxArray(box: Box): [number, number, number, number] {
  return [round(box.x0), round(box.y0), round(box.x1), round(box.y1)];
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Pages' blocks in reading order; tables become TableGrids numbered in document order. */
function toBlocks(pages: ({ block: Block | StitchedTable })[][]): Block[] {
  const blocks: Block[] = [];
  let tableIndex = 0;
  for (const page of pages) {
    for (const { block } of page) {
      if ('type' in block) blocks.push(block);
      else blocks.push({ type: 'table', grid: toGrid(block, tableIndex++) });
    }
  }
  return blocks;
}

export interface StitchedTable {
  pages: number[];
  rowCount: number;
  colCount: number;
  cells: (Omit<GridCell, 'source'> & { page: number; box: Box; openTop?: boolean; openBottom?: boolean })[];
}

function toGrid(table: StitchedTable, index: number): TableGrid {
  return {
    index,
    rowCount: table.rowCount,
    colCount: table.colCount,
    pages: table.pages,
    cells: table.cells.map(({ page, box, openTop: _top, openBottom: _bottom, ...cell }) => ({ ...cell, source: { kind: 'pdf', page, box: boxArray(box) } })),
  };
}
