/**
 * Hand-made hostile .docx files: deep and wide tables, absurd spans and merges, zip bombs in every part, entity
 * expansion, giant pictures, huge paragraphs and runs, lying zip records. Most are built around a real report
 * (test/fixtures/corpus/d02_docx.docx), so that what survives reading goes on through mapping and the rules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { FIXTURES } from '../../read/corpus-helpers';
import { documentXml, NAMESPACES } from '../../read/docx-builder';
import { corpusBytes } from './corpus';
import { lazyCase, type CaseBuilder } from './run-files';
import { bombBytes, deflatedEntry, storedEntry, writeZip, type RawEntry } from './zip-writer';

export const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

export const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

export function relationships(...items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}

export const IMAGE_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
export const STYLES_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';

/** A package of deflated parts; the main document given whole. */
export function packageOf(document: string | Uint8Array, parts: Record<string, string | Uint8Array> = {}, extra: RawEntry[] = []): Uint8Array {
  const all: Record<string, string | Uint8Array> = { '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': PACKAGE_RELS, 'word/document.xml': document, ...parts };
  return writeZip([...Object.entries(all).map(([name, content]) => deflatedEntry(name, content)), ...extra]);
}

const REPORT_SOURCE = 'd02_docx.docx';

/** The parts of a real report. */
export function reportParts(): Record<string, Uint8Array> {
  return unzipSync(corpusBytes(REPORT_SOURCE));
}

/** The real report's document.xml with `extra` body content inserted before its section properties (or at the start). */
export function reportXmlWith(extra: string, where: 'start' | 'end' = 'end'): string {
  const xml = strFromU8(reportParts()['word/document.xml']);
  if (where === 'start') {
    const bodyStart = xml.indexOf('>', xml.indexOf('<w:body')) + 1;
    return xml.slice(0, bodyStart) + extra + xml.slice(bodyStart);
  }
  const at = xml.lastIndexOf('<w:sectPr');
  return xml.slice(0, at) + extra + xml.slice(at);
}

/** The real report with its document.xml replaced, other parts replaced (null: left out), entries added as given. */
export function reportWithDocument(document: string | Uint8Array, replaced: Record<string, string | Uint8Array | null> = {}, extra: RawEntry[] = []): Uint8Array {
  const parts: Record<string, string | Uint8Array | null> = { ...reportParts(), 'word/document.xml': document, ...replaced };
  const kept = Object.entries(parts).filter((part): part is [string, string | Uint8Array] => part[1] !== null);
  return writeZip([...kept.map(([name, content]) => deflatedEntry(name, content)), ...extra]);
}

/** An inline picture (rId9) whose drawing namespaces are declared on the spot (the report's root lacks a: and pic:). */
export const PICTURE_RUN =
  '<w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="901" name="图片"/>' +
  '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
  '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:embed="rId9"/></pic:blipFill></pic:pic>' +
  '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';

export const PICTURE_PART = 'word/media/image901.jpeg';

/** The real report with a picture in its prose whose part is `picture` (named PICTURE_PART). */
export function reportWithPicture(picture: RawEntry): Uint8Array {
  const rels = strFromU8(reportParts()['word/_rels/document.xml.rels']).replace('</Relationships>', `<Relationship Id="rId9" Type="${IMAGE_TYPE}" Target="media/image901.jpeg"/></Relationships>`);
  return reportWithDocument(reportXmlWith(`<w:p>${PICTURE_RUN}</w:p>`), { 'word/_rels/document.xml.rels': rels }, [picture]);
}

const T3_MARKERS = ['申请人情况', '自然人', '商业企业', '科研机构', '本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量', '予以公开', '结转下年度继续办理'];
const T4_MARKERS = ['行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结'];

const cellXml = (text: string, properties = '') =>
  text === '' && properties === '' ? '<w:tc/>' : `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ''}<w:p>${text ? `<w:r><w:t>${text}</w:t></w:r>` : ''}</w:p></w:tc>`;

/** A compact table: rows × cols, the first cells of the first rows holding `markers`, numbers sprinkled. */
function compactTable(rows: number, cols: number, markers: string[], gridCols = 0): string {
  const parts: string[] = ['<w:tbl>'];
  if (gridCols > 0) parts.push('<w:tblGrid>', '<w:gridCol/>'.repeat(gridCols), '</w:tblGrid>');
  for (let r = 0; r < rows; r++) {
    parts.push('<w:tr>');
    for (let c = 0; c < cols; c++) {
      const index = r * cols + c;
      const text = index < markers.length ? markers[index] : (r + c) % 7 === 0 ? String(r + c) : '';
      parts.push(cellXml(text));
    }
    parts.push('</w:tr>');
  }
  parts.push('</w:tbl>');
  return parts.join('');
}

function nestedTables(depth: number, inner: string): string {
  let content = inner;
  for (let level = 0; level < depth; level++) content = `<w:tbl><w:tr><w:tc>${content}<w:p/></w:tc></w:tr></w:tbl>`;
  return content;
}

const LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i + 1};`.repeat(10)}">`).join('') +
  ']>';

function withDoctype(xml: string, doctype: string): string {
  const declaration = xml.startsWith('<?xml') ? xml.slice(0, xml.indexOf('?>') + 2) : '';
  return `${declaration}${doctype}${xml.slice(declaration.length)}`;
}

const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, 'bad', name)));

function lazy(name: string, build: () => Uint8Array, expect?: string[]): CaseBuilder {
  return lazyCase(name, '.docx', build, expect);
}

/** Every hostile .docx case; `expect` lists the acceptable endings where there is only one right answer. */
export async function hostileDocxCases(): Promise<CaseBuilder[]> {
  const bomb = await bombBytes(1024);
  const bombEntry = (name: string): RawEntry => ({ name, data: bomb, method: 8, uncompressedSize: 1 << 30, crc: 0 });
  const lyingBomb = (name: string): RawEntry => ({ ...bombEntry(name), uncompressedSize: 1024 });
  const d02 = reportParts();
  const cases: CaseBuilder[] = [
    // Nesting
    lazy('nested-tables-1000', () => packageOf(documentXml(nestedTables(1000, '<w:p/>'))), ['DOCX_XML_INVALID']),
    lazy('nested-tables-60-report', () => reportWithDocument(reportXmlWith(nestedTables(60, compactTable(4, 8, T3_MARKERS))))),
    lazy('sibling-tables-3000-in-a-cell', () => reportWithDocument(reportXmlWith(`<w:tbl><w:tr><w:tc>${compactTable(2, 2, ['1']).repeat(3000)}<w:p/></w:tc></w:tr></w:tbl>`))),
    lazy('sdt-nesting-150', () => reportWithDocument(reportXmlWith(`${'<w:sdt><w:sdtContent>'.repeat(95)}<w:p><w:r><w:t>深</w:t></w:r></w:p>${'</w:sdtContent></w:sdt>'.repeat(95)}`))),
    lazy('text-boxes-nested-60', () => reportWithDocument(reportXmlWith(`${'<w:p><w:r><w:pict><v:textbox><w:txbxContent>'.repeat(30)}<w:p/>${'</w:txbxContent></v:textbox></w:pict></w:r></w:p>'.repeat(30)}`))),
    // Absurd sizes
    lazy('table-5000x500', () => reportWithDocument(reportXmlWith(compactTable(5000, 500, [])))),
    lazy('table3-5000x500', () => reportWithDocument(reportXmlWith(compactTable(5000, 500, T3_MARKERS), 'start'))),
    lazy('table4-2000x300', () => reportWithDocument(reportXmlWith(compactTable(2000, 300, T4_MARKERS), 'start'))),
    lazy('table3-wide-spans', () => reportWithDocument(reportXmlWith(`<w:tbl><w:tr>${T3_MARKERS.map((m) => cellXml(m)).join('')}</w:tr><w:tr>${cellXml('1', '<w:gridSpan w:val="1000"/>').repeat(1000)}</w:tr>${'<w:tr><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>'.repeat(2000)}</w:tbl>`, 'start'))),
    lazy('table3-grid-1e6-columns', () => reportWithDocument(reportXmlWith(compactTable(40, 8, T3_MARKERS, 1_000_000), 'start'))),
    lazy('table3-gridBefore-1000', () => reportWithDocument(reportXmlWith(`<w:tbl>${T3_MARKERS.map((m) => `<w:tr><w:trPr><w:gridBefore w:val="1000"/><w:gridAfter w:val="1000"/></w:trPr>${cellXml(m)}${cellXml('3')}</w:tr>`).join('').repeat(300)}</w:tbl>`, 'start'))),
    lazy('vmerge-chain-100k', () => reportWithDocument(reportXmlWith(`<w:tbl><w:tr>${cellXml('自然人', '<w:vMerge w:val="restart"/>')}${cellXml('本年新收')}</w:tr>${`<w:tr>${cellXml('', '<w:vMerge/>')}${cellXml('1')}</w:tr>`.repeat(100_000)}</w:tbl>`, 'start'))),
    lazy('hmerge-chain-20k', () => reportWithDocument(reportXmlWith(`<w:tbl><w:tr>${cellXml('申请人情况', '<w:hMerge w:val="restart"/>')}${cellXml('1', '<w:hMerge/>').repeat(20_000)}</w:tr><w:tr>${cellXml('自然人')}${cellXml('1').repeat(50)}</w:tr></w:tbl>`, 'start'))),
    lazy('paragraphs-1M', () => packageOf(documentXml('<w:p><w:r><w:t>二〇二四年</w:t></w:r></w:p>'.repeat(1_000_000)))),
    lazy('runs-1M-in-a-paragraph', () => reportWithDocument(reportXmlWith(`<w:p>${'<w:r><w:t>收到申请1件</w:t></w:r>'.repeat(1_000_000)}</w:p>`))),
    lazy('giant-paragraph-20M-chars', () => reportWithDocument(reportXmlWith(`<w:p><w:r><w:t>${'本年度收到政府信息公开申请12件'.repeat(1_300_000)}</w:t></w:r></w:p>`))),
    lazy('prose-organ-tail-3M', () => reportWithDocument(reportXmlWith(`<w:p><w:r><w:t>${'规划局'.repeat(3_000_000)}</w:t></w:r></w:p>`, 'start'))),
    lazy('giant-cell-text', () => reportWithDocument(reportXmlWith(compactTable(2, 8, [...T3_MARKERS.slice(0, 7), `${'9'.repeat(5_000_000)}`]), 'start'))),
    lazy('field-results-nested-100k', () => reportWithDocument(reportXmlWith(`<w:p>${'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'.repeat(100_000)}${'<w:r><w:t>x</w:t></w:r>'.repeat(100_000)}</w:p>`))),
    lazy('huge-numbers-in-prose', () => reportWithDocument(reportXmlWith(`<w:p><w:r><w:t>本年度共收到政府信息公开申请${'9'.repeat(400)}件，办结${'9'.repeat(30)}件，行政复议99999999999999999999件。</w:t></w:r></w:p>`))),
    lazy('absurd-year-and-date', () => reportWithDocument(reportXmlWith(`<w:p><w:r><w:t>99999999999999999999年度政府信息公开工作年度报告</w:t></w:r></w:p><w:p><w:r><w:t>统计期限为99999999999999999999年1月1日至99999999999999999999年12月31日</w:t></w:r></w:p>`, 'start').replace(/二〇二[0-9〇一二三四五六七八九]年[^<]{0,8}日/g, '9999年99月99日'))),
    lazy('year-0-and-negative', () => reportWithDocument(reportXmlWith(`<w:p><w:r><w:t>0000年度政府信息公开工作年度报告</w:t></w:r></w:p><w:p><w:r><w:t>二〇二四年十三月四十日</w:t></w:r></w:p>`, 'start'))),
    // Bombs
    lazy('bomb-document-xml', () => writeZip([deflatedEntry('[Content_Types].xml', CONTENT_TYPES), deflatedEntry('_rels/.rels', PACKAGE_RELS), bombEntry('word/document.xml')]), ['ZIP_BOMB']),
    lazy('bomb-document-xml-lying-size', () => writeZip([deflatedEntry('_rels/.rels', PACKAGE_RELS), lyingBomb('word/document.xml')]), ['ZIP_BOMB']),
    lazy('bomb-package-rels', () => writeZip([bombEntry('_rels/.rels'), deflatedEntry('word/document.xml', reportXmlWith(''))]), ['ZIP_BOMB']),
    lazy('bomb-styles', () => reportWithDocument(reportXmlWith(''), {}, [bombEntry('word/stylesWithEffects2.xml')])),
    lazy('bomb-picture', () => reportWithPicture(bombEntry(PICTURE_PART))),
    lazy('bomb-fixture', () => fixture('bomb.docx'), ['ZIP_BOMB']),
    lazy('giant-picture-50MB-stored', () => reportWithPicture(storedEntry(PICTURE_PART, new Uint8Array(50 * 1024 * 1024).fill(0xff)))),
    // Entities and DOCTYPEs
    lazy('billion-laughs-document', () => reportWithDocument(withDoctype(reportXmlWith('<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'), LAUGHS)), ['DOCX_XML_INVALID']),
    lazy('billion-laughs-package-rels', () => reportWithDocument(reportXmlWith(''), { '_rels/.rels': withDoctype(PACKAGE_RELS, LAUGHS).replace('Target="word/document.xml"', 'Target="&lol9;"') })),
    lazy('billion-laughs-styles', () => reportWithDocument(reportXmlWith(''), { 'word/styles.xml': withDoctype(strFromU8(d02['word/styles.xml']), LAUGHS) })),
    lazy('external-entity', () => reportWithDocument(withDoctype(reportXmlWith('<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'), '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')), ['DOCX_XML_INVALID']),
    lazy('billion-laughs-fixture', () => fixture('billion-laughs.docx'), ['DOCX_XML_INVALID']),
    lazy('deep-nesting-fixture', () => fixture('deep-nesting.docx'), ['DOCX_XML_INVALID']),
    // Encodings
    lazy('utf16-document', () => reportWithDocument(new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(reportXmlWith('').replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le'))]))),
    lazy('invalid-utf8', () => reportWithDocument(new Uint8Array([...Buffer.from(reportXmlWith('<w:p><w:r><w:t>'), 'utf8'), 0xc3, 0x28, 0xe2, 0x82, 0xff, 0xfe, ...Buffer.from(`</w:t></w:r></w:p>`)]))),
    // Zip records that lie
    lazy('encrypted-flag', () => writeZip([{ ...deflatedEntry('word/document.xml', reportXmlWith('')), flags: 0x0001 }]), ['DOCX_ENCRYPTED']),
    lazy('unsupported-method', () => writeZip([{ ...deflatedEntry('word/document.xml', reportXmlWith('')), method: 12 }]), ['CORRUPT_DOCX']),
    lazy('zip64-marker-without-zip64', () => writeZip([deflatedEntry('word/document.xml', reportXmlWith(''))], { declaredEntryCount: 0xffff }), ['CORRUPT_DOCX']),
    lazy('directory-offset-beyond-end', () => writeZip([deflatedEntry('word/document.xml', reportXmlWith(''))], { declaredDirectoryOffset: 0x7fffffff }), ['CORRUPT_DOCX']),
    lazy('entries-100k', () => writeZip([...Array.from({ length: 99_990 }, (_, i) => storedEntry(`word/media/e${i}.bin`, '')), deflatedEntry('word/document.xml', reportXmlWith(''))])),
    lazy('duplicate-document-entries', () => writeZip([deflatedEntry('word/document.xml', reportXmlWith('')), deflatedEntry('word/document.xml', '<garbage'), deflatedEntry('WORD/DOCUMENT.XML', documentXml(''))])),
    lazy('main-part-traversal', () => packageOf(reportXmlWith(''), { '_rels/.rels': PACKAGE_RELS.replace('Target="word/document.xml"', 'Target="../../../../../etc/passwd"') })),
    lazy('main-part-absolute', () => packageOf(reportXmlWith(''), { '_rels/.rels': PACKAGE_RELS.replace('Target="word/document.xml"', 'Target="/etc/passwd" TargetMode="External"') })),
    lazy('long-entry-name', () => packageOf(documentXml(''), { '_rels/.rels': PACKAGE_RELS.replace('Target="word/document.xml"', `Target="word/${'x'.repeat(60_000)}.xml"`) }, [bombEntry(`word/${'x'.repeat(60_000)}.xml`)]), ['ZIP_BOMB']),
    lazy('namespace-strict-ooxml', () => reportWithDocument(reportXmlWith('').replace('http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'))),
    lazy('namespace-rebound', () => reportWithDocument(reportXmlWith('').replace(/<w:tbl>/g, '<w:tbl xmlns:w="urn:not-word">'))),
    lazy('root-not-document', () => packageOf(`<w:body ${NAMESPACES}/>`), ['DOCX_XML_INVALID']),
  ];
  return cases;
}

/** The marker in every file name and URL a hostile reference points at: no path touched may contain it. */
export const SENTINEL = 'NIANBAO-SENTINEL';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * The real report, referring in every way Word knows to files outside the package (all of them at `targets`,
 * paths and URLs that contain SENTINEL): linked and embedded pictures whose relationship is external, VML image
 * data, hyperlinks, INCLUDEPICTURE / INCLUDETEXT / HYPERLINK fields, a sub-document, an alt-chunk, a linked OLE
 * object, an attached template, a picture in the header, and package relationships that point outside.
 */
export function externalReferenceDocx(targets: { absolute: string; fileUrl: string; relative: string }): Uint8Array {
  const unc = `\\\\server\\share\\${SENTINEL}.png`;
  const http = `http://127.0.0.1:9/${SENTINEL}.png`;
  const external = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}" TargetMode="External"/>`;
  const internal = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
  const linkedPicture = (id: string, attribute: 'r:link' | 'r:embed') => PICTURE_RUN.replace('r:embed="rId9"', `${attribute}="${id}"`);
  const field = (instruction: string) =>
    `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${instruction} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>域结果</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
  const body = [
    `<w:p>${linkedPicture('rIdX1', 'r:link')}${linkedPicture('rIdX2', 'r:embed')}${linkedPicture('rIdX3', 'r:embed')}${linkedPicture('rIdX4', 'r:link')}</w:p>`,
    `<w:p>${linkedPicture('rIdX5', 'r:embed')}${linkedPicture('rIdX6', 'r:link')}</w:p>`,
    `<w:p><w:r><w:pict><v:shape style="width:10pt;height:10pt"><v:imagedata r:id="rIdX1" o:href="${targets.fileUrl}" o:title="x"/></v:shape></w:pict></w:r></w:p>`,
    `<w:p><w:hyperlink r:id="rIdH1"><w:r><w:t>外部链接</w:t></w:r></w:hyperlink><w:hyperlink r:id="rIdH2"><w:r><w:t>共享文件夹</w:t></w:r></w:hyperlink></w:p>`,
    `<w:p>${field(`INCLUDEPICTURE "${targets.fileUrl}" \\d`)}${field(`INCLUDEPICTURE "${targets.absolute.replace(/\\/g, '\\\\')}"`)}${field(`INCLUDETEXT "${targets.absolute}"`)}${field(`HYPERLINK "${targets.fileUrl}"`)}</w:p>`,
    `<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;${targets.absolute}&quot; "><w:r><w:t>引用</w:t></w:r></w:fldSimple></w:p>`,
    `<w:p><w:subDoc r:id="rIdS1"/></w:p>`,
    `<w:altChunk r:id="rIdA1"/>`,
    `<w:p><w:r><w:object><o:OLEObject Type="Link" r:id="rIdO1" ProgID="Word.Document.12" UpdateMode="Always"/></w:object></w:r></w:p>`,
  ].join('');
  const parts = reportParts();
  const documentRels = strFromU8(parts['word/_rels/document.xml.rels']).replace(
    '</Relationships>',
    [
      external('rIdX1', 'image', targets.fileUrl),
      external('rIdX2', 'image', targets.absolute),
      internal('rIdX3', 'image', targets.relative),
      external('rIdX4', 'image', unc),
      external('rIdX5', 'image', http),
      external('rIdX6', 'image', `file://server/share/${SENTINEL}.png`),
      external('rIdH1', 'hyperlink', targets.fileUrl),
      external('rIdH2', 'hyperlink', unc),
      external('rIdS1', 'subDocument', targets.fileUrl),
      external('rIdA1', 'aFChunk', targets.fileUrl),
      external('rIdO1', 'oleObject', targets.fileUrl),
      '</Relationships>',
    ].join(''),
  );
  const packageRels = PACKAGE_RELS.replace('</Relationships>', `${external('rIdP1', 'metadata/thumbnail', targets.fileUrl)}${internal('rIdP2', 'custom-properties', targets.relative)}</Relationships>`);
  const header = `<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="${REL}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:p>${linkedPicture('rIdHd1', 'r:link')}</w:p></w:hdr>`;
  return reportWithDocument(reportXmlWith(body), {
    'word/_rels/document.xml.rels': documentRels,
    '_rels/.rels': packageRels,
    'word/_rels/settings.xml.rels': relationships(external('rIdT1', 'attachedTemplate', targets.fileUrl)),
    'word/header9.xml': header,
    'word/_rels/header9.xml.rels': relationships(external('rIdHd1', 'image', targets.fileUrl)),
  });
}
