/**
 * Parsing word/document.xml into a pruned tree that keeps only what the reader needs: text, structure
 * (paragraphs, tables, runs and their wrappers), the few properties that matter (numbering, hidden text,
 * spans and merges) and drawings (to find pictures and text boxes). Deleted text, field instructions,
 * section and table formatting are dropped while parsing, which keeps the tree small.
 */
import { parseXmlTree, type XmlElement } from './xml-tree';

/** Subtrees never needed: tracked deletions, field codes, formatting and revision history. */
const DROPPED = new Set([
  'w:del',
  'w:moveFrom',
  'w:delText',
  'w:instrText',
  'w:delInstrText',
  'w:sectPr',
  'w:tblPr',
  'w:tblPrEx',
  'w:tblGridChange',
  'w:rPrChange',
  'w:pPrChange',
  'w:tcPrChange',
  'w:trPrChange',
  'w:tblStylePr',
]);

/** Property containers keep only the children listed here. */
const KEPT_PROPERTIES: Readonly<Record<string, ReadonlySet<string>>> = {
  'w:rPr': new Set(['w:vanish']),
  'w:pPr': new Set(['w:numPr']),
  'w:tcPr': new Set(['w:gridSpan', 'w:vMerge', 'w:hMerge']),
  'w:trPr': new Set(['w:gridBefore', 'w:gridAfter', 'w:del']),
};

function keepChild(parentName: string, childName: string): boolean {
  const kept = KEPT_PROPERTIES[parentName];
  if (kept) return kept.has(childName);
  return !DROPPED.has(childName);
}

/** Elements whose attributes are read: merges and spans, hidden text, numbering, symbols, field marks. */
const WITH_ATTRIBUTES = new Set([
  'w:gridSpan',
  'w:vMerge',
  'w:hMerge',
  'w:gridBefore',
  'w:gridAfter',
  'w:vanish',
  'w:numId',
  'w:sym',
  'w:fldChar',
]);

function keepAttributes(elementName: string): boolean {
  return WITH_ATTRIBUTES.has(elementName);
}

function keepText(elementName: string): boolean {
  return elementName === 'w:t';
}

export function parseDocumentXml(xml: string, limits: { maxDepth: number; maxElements: number }): XmlElement {
  return parseXmlTree(xml, { ...limits, keepChild, keepText, keepAttributes });
}
