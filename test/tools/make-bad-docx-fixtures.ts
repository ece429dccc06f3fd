/**
 * Writes the hostile and broken Word files of test/fixtures/bad/ (run: npx tsx test/tools/make-bad-docx-fixtures.ts).
 * Each stays under 200 KB. The zip bomb is deflated streaming, so building it needs little memory.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Deflate, deflateSync, strToU8 } from 'fflate';
import { docxFromBody, docxFromDocumentXml, NAMESPACES, table, row, cell, textParagraph } from '../read/docx-builder';

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'bad');

/** document.xml of the bomb inflates to this many bytes: about three times the reader's 64 MiB cap. */
const BOMB_INFLATED_BYTES = 180 * 1024 * 1024;

function concat(chunks: Uint8Array[]): Uint8Array {
  const result = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}

interface StoredEntry {
  name: string;
  compressed: Uint8Array;
  /** What the headers claim the entry inflates to (a bomb may lie). */
  declaredSize: number;
}

function localHeader(entry: StoredEntry): Uint8Array {
  const name = strToU8(entry.name);
  const header = new Uint8Array(30 + name.length);
  const view = new DataView(header.buffer);
  view.setUint32(0, 0x04034b50, true);
  view.setUint16(4, 20, true);
  view.setUint16(8, 8, true);
  view.setUint32(18, entry.compressed.length, true);
  view.setUint32(22, entry.declaredSize, true);
  view.setUint16(26, name.length, true);
  header.set(name, 30);
  return header;
}

function centralHeader(entry: StoredEntry, localOffset: number): Uint8Array {
  const name = strToU8(entry.name);
  const header = new Uint8Array(46 + name.length);
  const view = new DataView(header.buffer);
  view.setUint32(0, 0x02014b50, true);
  view.setUint16(4, 20, true);
  view.setUint16(6, 20, true);
  view.setUint16(10, 8, true);
  view.setUint32(20, entry.compressed.length, true);
  view.setUint32(24, entry.declaredSize, true);
  view.setUint16(28, name.length, true);
  view.setUint32(42, localOffset, true);
  header.set(name, 46);
  return header;
}

function endOfDirectory(entryCount: number, directorySize: number, directoryOffset: number): Uint8Array {
  const record = new Uint8Array(22);
  const view = new DataView(record.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, entryCount, true);
  view.setUint16(10, entryCount, true);
  view.setUint32(12, directorySize, true);
  view.setUint32(16, directoryOffset, true);
  return record;
}

/** A zip of deflated entries (CRCs left at zero: the reader under test does not rely on them). */
function writeZip(entries: StoredEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    centrals.push(centralHeader(entry, offset));
    const header = localHeader(entry);
    locals.push(header, entry.compressed);
    offset += header.length + entry.compressed.length;
  }
  const directory = concat(centrals);
  return concat([...locals, directory, endOfDirectory(entries.length, directory.length, offset)]);
}

function deflatedEntry(name: string, text: string): StoredEntry {
  const bytes = strToU8(text);
  return { name, compressed: deflateSync(bytes, { level: 9 }), declaredSize: bytes.length };
}

/** document.xml with one w:t holding BOMB_INFLATED_BYTES of spaces, deflated one MiB at a time. */
function bombDocumentEntry(): StoredEntry {
  const chunks: Uint8Array[] = [];
  const deflater = new Deflate({ level: 9, mem: 12 }, (chunk) => chunks.push(chunk));
  deflater.push(strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${NAMESPACES}><w:body><w:p><w:r><w:t>`));
  const spaces = new Uint8Array(1024 * 1024).fill(0x20);
  for (let written = 0; written < BOMB_INFLATED_BYTES; written += spaces.length) deflater.push(spaces);
  deflater.push(strToU8('</w:t></w:r></w:p></w:body></w:document>'), true);
  // The headers lie: they declare a harmless 4 KiB.
  return { name: 'word/document.xml', compressed: concat(chunks), declaredSize: 4096 };
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

function bombDocx(): Uint8Array {
  return writeZip([deflatedEntry('[Content_Types].xml', CONTENT_TYPES), deflatedEntry('_rels/.rels', RELS), bombDocumentEntry()]);
}

/** A one-page PDF written by hand (offsets computed, so it is well formed). */
function minimalPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 44 >>\nstream\nBT /F1 24 Tf 72 760 Td (Not a docx) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(pdf);
}

const SECTOR = 512;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

function directoryEntry(name: string, type: number, options: { child?: number; right?: number; start?: number; size?: number }): Uint8Array {
  const entry = new Uint8Array(128);
  const view = new DataView(entry.buffer);
  for (let index = 0; index < name.length; index++) view.setUint16(index * 2, name.charCodeAt(index), true);
  view.setUint16(64, name.length === 0 ? 0 : (name.length + 1) * 2, true);
  entry[66] = type;
  entry[67] = 1;
  view.setUint32(68, FREE, true);
  view.setUint32(72, options.right ?? FREE, true);
  view.setUint32(76, options.child ?? FREE, true);
  view.setUint32(116, options.start ?? END_OF_CHAIN, true);
  view.setUint32(120, options.size ?? 0, true);
  return entry;
}

/**
 * A well-formed OLE compound file laid out like a password-protected .docx: streams "EncryptionInfo" and
 * "EncryptedPackage" (their contents are filler; only the structure matters to the reader).
 */
function encryptedDocx(): Uint8Array {
  const infoSectors = 8;
  const packageSectors = 16;
  const sectorCount = 2 + infoSectors + packageSectors;
  const header = new Uint8Array(SECTOR);
  const view = new DataView(header.buffer);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(24, 0x3e, true);
  view.setUint16(26, 3, true);
  view.setUint16(28, 0xfffe, true);
  view.setUint16(30, 9, true);
  view.setUint16(32, 6, true);
  view.setUint32(44, 1, true);
  view.setUint32(48, 1, true);
  view.setUint32(56, 4096, true);
  view.setUint32(60, END_OF_CHAIN, true);
  view.setUint32(68, END_OF_CHAIN, true);
  for (let index = 0; index < 109; index++) view.setUint32(76 + index * 4, index === 0 ? 0 : FREE, true);

  const fat = new Uint8Array(SECTOR).fill(0xff);
  const fatView = new DataView(fat.buffer);
  const chain = (first: number, count: number) => {
    for (let sector = first; sector < first + count; sector++) fatView.setUint32(sector * 4, sector === first + count - 1 ? END_OF_CHAIN : sector + 1, true);
  };
  fatView.setUint32(0, FAT_SECTOR, true);
  chain(1, 1);
  chain(2, infoSectors);
  chain(2 + infoSectors, packageSectors);

  const directory = concat([
    directoryEntry('Root Entry', 5, { child: 1 }),
    directoryEntry('EncryptionInfo', 2, { right: 2, start: 2, size: infoSectors * SECTOR }),
    directoryEntry('EncryptedPackage', 2, { start: 2 + infoSectors, size: packageSectors * SECTOR }),
    directoryEntry('', 0, {}),
  ]);
  const filler = new Uint8Array((sectorCount - 2) * SECTOR).map((_, index) => (index * 131 + 7) & 0xff);
  return concat([header, fat, directory, filler]);
}

function billionLaughsDocx(): Uint8Array {
  const entities = ['<!ENTITY lol "lol">'];
  for (let level = 1; level <= 9; level++) entities.push(`<!ENTITY lol${level} "${`&lol${level === 1 ? '' : level - 1};`.repeat(10)}">`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [\n${entities.join('\n')}\n]>\n<w:document ${NAMESPACES}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;
  return docxFromDocumentXml(xml);
}

function deeplyNestedTables(depth: number): string {
  let inner = textParagraph('最里层');
  for (let level = 0; level < depth; level++) inner = table([row([cell('', {}, inner + textParagraph(''))])], 1);
  return inner;
}

function noTablesDocx(): Uint8Array {
  return docxFromBody(
    [
      textParagraph('某某局2023年政府信息公开工作年度报告'),
      textParagraph('一、总体情况'),
      textParagraph('本年度没有任何表格，只有正文。'),
    ].join(''),
  );
}

function main(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  const validDocx = noTablesDocx();
  const fixtures: Record<string, Uint8Array> = {
    'empty.docx': new Uint8Array(0),
    'pdf-renamed.docx': minimalPdf(),
    'corrupt.docx': validDocx.subarray(0, Math.floor(validDocx.length / 2)),
    'bomb.docx': bombDocx(),
    'no-tables.docx': validDocx,
    'encrypted.docx': encryptedDocx(),
    'billion-laughs.docx': billionLaughsDocx(),
    'deep-nesting.docx': docxFromBody(deeplyNestedTables(500)),
  };
  for (const [name, bytes] of Object.entries(fixtures)) {
    writeFileSync(join(OUT_DIR, name), bytes);
    console.log(`${name}: ${bytes.length} bytes`);
  }
}

main();
