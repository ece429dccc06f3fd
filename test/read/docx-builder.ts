/** Builds small .docx packages in memory for tests: handwritten document.xml, zipped with fflate. */
import { strToU8, zipSync, type Zippable } from 'fflate';

export const NAMESPACES = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
].join(' ');

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;

const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NAMESPACES}><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

export interface PackageParts {
  [path: string]: string | Uint8Array;
}

export function zipParts(parts: PackageParts): Uint8Array {
  const zippable: Zippable = {};
  for (const [path, content] of Object.entries(parts)) {
    zippable[path] = typeof content === 'string' ? strToU8(content) : content;
  }
  return zipSync(zippable, { level: 6, mtime: new Date('2024-01-01T00:00:00Z') });
}

/** A minimal valid .docx whose word/document.xml is given whole. */
export function docxFromDocumentXml(xml: string, extraParts: PackageParts = {}): Uint8Array {
  return zipParts({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': PACKAGE_RELS,
    'word/document.xml': xml,
    ...extraParts,
  });
}

/** A minimal valid .docx with this body content. */
export function docxFromBody(body: string): Uint8Array {
  return docxFromDocumentXml(documentXml(body));
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A run; "\n" in the text becomes w:br. */
export function run(text: string, runProperties = ''): string {
  const pieces = text.split('\n').map((piece) => `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`);
  return `<w:r>${runProperties ? `<w:rPr>${runProperties}</w:rPr>` : ''}${pieces.join('<w:br/>')}</w:r>`;
}

export function paragraph(content: string, paragraphProperties = ''): string {
  return `<w:p>${paragraphProperties ? `<w:pPr>${paragraphProperties}</w:pPr>` : ''}${content}</w:p>`;
}

/** A paragraph of plain text. */
export function textParagraph(text: string): string {
  return paragraph(text === '' ? '' : run(text));
}

export interface CellOptions {
  gridSpan?: number;
  vMerge?: 'restart' | 'continue' | '';
  hMerge?: 'restart' | 'continue' | '';
}

function mergeProperty(name: string, value: string | undefined): string {
  if (value === undefined) return '';
  return value === '' ? `<w:${name}/>` : `<w:${name} w:val="${value}"/>`;
}

/** A cell: text (one paragraph per line of "\n\n"-free text) or raw block content. */
export function cell(text: string, options: CellOptions = {}, rawContent?: string): string {
  const span = options.gridSpan ? `<w:gridSpan w:val="${options.gridSpan}"/>` : '';
  const properties = `<w:tcPr><w:tcW w:w="1000" w:type="dxa"/>${span}${mergeProperty('vMerge', options.vMerge)}${mergeProperty('hMerge', options.hMerge)}</w:tcPr>`;
  return `<w:tc>${properties}${rawContent ?? textParagraph(text)}</w:tc>`;
}

export interface RowOptions {
  gridBefore?: number;
  gridAfter?: number;
}

export function row(cells: string[], options: RowOptions = {}): string {
  const before = options.gridBefore ? `<w:gridBefore w:val="${options.gridBefore}"/>` : '';
  const after = options.gridAfter ? `<w:gridAfter w:val="${options.gridAfter}"/>` : '';
  const properties = before || after ? `<w:trPr>${before}${after}</w:trPr>` : '';
  return `<w:tr>${properties}${cells.join('')}</w:tr>`;
}

export function table(rows: string[], gridColumns: number): string {
  const grid = Array.from({ length: gridColumns }, () => '<w:gridCol w:w="1000"/>').join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

/** An inline picture (DrawingML), as Word writes it. */
export const INLINE_PICTURE =
  '<w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';

/** A text box as Word writes it: DrawingML in mc:Choice, the same text again as VML in mc:Fallback. */
export function textBoxRun(innerBlocks: string): string {
  return (
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>' +
    `<wps:wsp><wps:txbx><w:txbxContent>${innerBlocks}</w:txbxContent></wps:txbx></wps:wsp>` +
    '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect><v:textbox>' +
    `<w:txbxContent>${innerBlocks}</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
  );
}
