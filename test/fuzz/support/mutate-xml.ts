/**
 * Structural damage to a real report's word/document.xml, re-zipped: elements deleted, duplicated, swapped,
 * moved, unwrapped and renamed; absurd cell and row properties (gridSpan="99999", vMerge chains, gridBefore);
 * cell text replaced by huge numbers, non-numbers, labels and random Unicode; raw markup inserted; the XML cut.
 */
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import * as labels from '../../../shared/model/labels';

export const TAGS = ['w:p', 'w:r', 'w:t', 'w:tbl', 'w:tr', 'w:tc', 'w:tcPr', 'w:trPr', 'w:tblGrid', 'w:gridCol', 'w:pPr', 'w:rPr', 'w:sdt', 'w:hyperlink', 'w:body'] as const;
export type Tag = (typeof TAGS)[number];

export type XmlMutation =
  | { op: 'delete' | 'unwrap'; tag: Tag; index: number }
  | { op: 'duplicate'; tag: Tag; index: number; times: number }
  | { op: 'swap'; tag: Tag; index: number; other: number }
  | { op: 'move'; tag: Tag; index: number; to: number }
  | { op: 'rename'; tag: Tag; index: number; name: string }
  | { op: 'cellProperty'; index: number; property: string }
  | { op: 'rowProperty'; index: number; property: string }
  | { op: 'text'; index: number; text: string }
  | { op: 'raw'; at: number; text: string }
  | { op: 'nest'; index: number; depth: number }
  | { op: 'truncate'; at: number };

interface Span {
  start: number;
  end: number;
  /** End of the opening tag (== end for an empty element). */
  openEnd: number;
  /** Start of the closing tag (== end for an empty element). */
  closeStart: number;
}

const TAG_PATTERN = /<(\/?)([A-Za-z_][\w.:-]*)(?:\s[^<>]*?)?(\/?)>/g;

/** The elements named `name`, in document order of their start; nesting of the same name is followed. */
export function elementSpans(xml: string, name: string): Span[] {
  const spans: Span[] = [];
  const open: { start: number; openEnd: number }[] = [];
  for (const match of xml.matchAll(TAG_PATTERN)) {
    if (match[2] !== name) continue;
    const start = match.index;
    const end = start + match[0].length;
    if (match[1] === '/') {
      const opened = open.pop();
      if (opened) spans.push({ start: opened.start, openEnd: opened.openEnd, closeStart: start, end });
    } else if (match[3] === '/') spans.push({ start, end, openEnd: end, closeStart: end });
    else open.push({ start, openEnd: end });
  }
  return spans.sort((a, b) => a.start - b.start);
}

function pick<T>(items: T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inserts a property into the element's property container (`w:tcPr`, `w:trPr`), creating it if needed. */
function addProperty(xml: string, span: Span, container: string, property: string): string {
  if (span.openEnd === span.end) {
    const tag = xml.slice(span.start, span.end - 2);
    const name = tag.slice(1).split(/\s/)[0];
    return `${xml.slice(0, span.start)}${tag}><${container}>${property}</${container}></${name}>${xml.slice(span.end)}`;
  }
  const inner = xml.slice(span.openEnd, span.closeStart);
  const existing = new RegExp(`^\\s*<${container}(?:\\s[^<>]*)?>`).exec(inner);
  const at = existing ? span.openEnd + existing[0].length : span.openEnd;
  const insert = existing ? property : `<${container}>${property}</${container}>`;
  return xml.slice(0, at) + insert + xml.slice(at);
}

export function applyXmlMutation(xml: string, mutation: XmlMutation): string {
  switch (mutation.op) {
    case 'truncate':
      return xml.slice(0, mutation.at % (xml.length + 1));
    case 'raw': {
      const at = mutation.at % (xml.length + 1);
      return xml.slice(0, at) + mutation.text + xml.slice(at);
    }
    case 'text': {
      const span = pick(elementSpans(xml, 'w:t'), mutation.index);
      if (!span || span.openEnd === span.end) return xml;
      return xml.slice(0, span.openEnd) + escapeXml(mutation.text) + xml.slice(span.closeStart);
    }
    case 'cellProperty': {
      const span = pick(elementSpans(xml, 'w:tc'), mutation.index);
      return span ? addProperty(xml, span, 'w:tcPr', mutation.property) : xml;
    }
    case 'rowProperty': {
      const span = pick(elementSpans(xml, 'w:tr'), mutation.index);
      return span ? addProperty(xml, span, 'w:trPr', mutation.property) : xml;
    }
    case 'nest': {
      const span = pick(elementSpans(xml, 'w:tc'), mutation.index);
      if (!span || span.openEnd === span.end) return xml;
      const content = xml.slice(span.openEnd, span.closeStart);
      let nested = content;
      for (let level = 0; level < mutation.depth; level++) nested = `<w:tbl><w:tr><w:tc>${nested}<w:p/></w:tc></w:tr></w:tbl><w:p/>`;
      return xml.slice(0, span.openEnd) + nested + xml.slice(span.closeStart);
    }
    default:
      return applyElementMutation(xml, mutation);
  }
}

function applyElementMutation(xml: string, mutation: Extract<XmlMutation, { tag: Tag }>): string {
  const spans = elementSpans(xml, mutation.tag);
  const span = pick(spans, mutation.index);
  if (!span) return xml;
  const element = xml.slice(span.start, span.end);
  switch (mutation.op) {
    case 'delete':
      return xml.slice(0, span.start) + xml.slice(span.end);
    case 'unwrap':
      return xml.slice(0, span.start) + xml.slice(span.openEnd, span.closeStart) + xml.slice(span.end);
    case 'duplicate':
      return xml.slice(0, span.end) + element.repeat(mutation.times) + xml.slice(span.end);
    case 'rename': {
      const open = xml.slice(span.start, span.openEnd).replace(mutation.tag, mutation.name);
      const close = span.openEnd === span.end ? '' : `</${mutation.name}>`;
      return xml.slice(0, span.start) + open + xml.slice(span.openEnd, span.closeStart) + close + xml.slice(span.end);
    }
    case 'swap': {
      const other = pick(spans, mutation.other)!;
      if (other.start < span.end && span.start < other.end) return xml;
      const [first, second] = span.start < other.start ? [span, other] : [other, span];
      return (
        xml.slice(0, first.start) +
        xml.slice(second.start, second.end) +
        xml.slice(first.end, second.start) +
        xml.slice(first.start, first.end) +
        xml.slice(second.end)
      );
    }
    case 'move': {
      const without = xml.slice(0, span.start) + xml.slice(span.end);
      const target = pick(elementSpans(without, mutation.tag), mutation.to);
      const at = target ? target.end : without.length;
      return without.slice(0, at) + element + without.slice(at);
    }
  }
}

const gridValue = fc.constantFrom('0', '-1', '1', '2', '3', '63', '64', '1000', '99999', '2147483648', '1e9', 'abc', '', ' 2 ', '２', '0x10', 'NaN', '4294967297');
const cellProperty = fc.oneof(
  gridValue.map((value) => `<w:gridSpan w:val="${value}"/>`),
  fc.constantFrom('<w:vMerge/>', '<w:vMerge w:val="restart"/>', '<w:vMerge w:val="continue"/>', '<w:vMerge w:val="bogus"/>', '<w:hMerge/>', '<w:hMerge w:val="restart"/>', '<w:hMerge w:val="continue"/>'),
);
const rowProperty = fc.oneof(
  gridValue.map((value) => `<w:gridBefore w:val="${value}"/>`),
  gridValue.map((value) => `<w:gridAfter w:val="${value}"/>`),
  fc.constant('<w:del w:id="1" w:author="x" w:date="2024-01-01T00:00:00Z"/>'),
);

/** Every label of the official template, and a few common variants. */
export const LABELS: string[] = [
  ...[labels.TABLE2_ITEM_LABELS, labels.TABLE2_COLUMN_LABELS, labels.TABLE3_COLUMN_LABELS, labels.TABLE3_ROW_LABELS, labels.TABLE3_GROUP_LABELS, labels.TABLE4_GROUP_LABELS, labels.TABLE4_COLUMN_LABELS, labels.SECTION_TITLES].flatMap((record) => Object.values(record) as string[]),
  '总计', '合计', '小计', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '规章', '行政规范性文件', '本年制发件数', '本年废止件数', '现行有效件数', '行政许可', '行政处罚', '行政强制', '行政事业性收费'];

/** Cell and paragraph texts that stress number parsing, label matching and the prose rules. */
export const cellText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('0', '１２３', '1,234', '12,34', '-5', '+3', '3.5', '0.00', '1e5', '99999999999999999999', '9'.repeat(400), 'NaN', 'Infinity', '一百', '/', '—', '无', '', ' ', '\u200b', '3 4', '12件', '2.5万元', '０'),
  fc.constantFrom(...LABELS),
  fc.constantFrom('2023年度政府信息公开工作年度报告', '二〇二四年三月三十一日', '9999年13月45日', '0000年', '第二十条第（一）项', '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'),
  fc.integer({ min: 0, max: 1_000_000 }).map(String),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: 1, max: 200_000 }).map((n) => '年'.repeat(n)),
);

const rawInsert = fc.constantFrom(
  '<',
  '&',
  '&#0;',
  '&#x110000;',
  '&undefined;',
  ']]>',
  '<![CDATA[1]]>',
  '<!DOCTYPE w:document [<!ENTITY a "b">]>',
  '<?pi x?>',
  '<!-- c -->',
  '</w:p>',
  '<w:p>',
  '\u0000',
  '\uffff',
  '<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>',
  '<w:tc><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc>',
  '<w:tr><w:tc><w:p><w:r><w:t>合计</w:t></w:r></w:p></w:tc></w:tr>',
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
  '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
  '<w:r><w:sym w:char="110000"/></w:r>',
  '<w:r><w:sym w:char="D800"/></w:r>',
  '<mc:AlternateContent><mc:Fallback><w:p><w:r><w:t>x</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>',
  '<w:p><w:r><w:pict><v:textbox><w:txbxContent><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:txbxContent></v:textbox></w:pict></w:r></w:p>',
);

const position = fc.nat({ max: 0x7fffffff });
const tag = fc.constantFrom(...TAGS);

export const xmlMutation: fc.Arbitrary<XmlMutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constantFrom('delete' as const, 'unwrap' as const), tag, index: position }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), tag, index: position, times: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 300 })) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swap' as const), tag, index: position, other: position }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('move' as const), tag, index: position, to: position }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rename' as const), tag, index: position, name: fc.constantFrom('w:x', 'w:tc', 'w:tr', 'w:p', 'w:tbl', 'x:p', 'w:sdtContent', 'w:ins', 'w:del', 'w:instrText') }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('cellProperty' as const), index: position, property: cellProperty }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('rowProperty' as const), index: position, property: rowProperty }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('text' as const), index: position, text: cellText }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('raw' as const), at: position, text: rawInsert }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('nest' as const), index: position, depth: fc.integer({ min: 1, max: 80 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: position }) },
);

/** The parts of a real .docx, for re-zipping with a changed document.xml. */
export function unzipDocx(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function rezip(parts: Record<string, Uint8Array>, replaced: Record<string, string | Uint8Array>): Uint8Array {
  const zippable: Zippable = { ...parts };
  for (const [name, content] of Object.entries(replaced)) zippable[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(zippable, { level: 1, mtime: new Date('2024-01-01T00:00:00Z') });
}
