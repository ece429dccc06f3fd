/**
 * Finding the main document part of a Word package. Only internal relationships are looked at: a target
 * marked TargetMode="External" (or any URL) is never followed.
 */
import { ReadError } from '../errors';
import { extractZipEntry, normalizePartName, type ZipEntry } from './zip';
import { childElements, decodeXml, parseXmlTree, type XmlElement } from './xml-tree';

const DEFAULT_MAIN_PART = 'word/document.xml';
const PACKAGE_RELATIONSHIPS = '_rels/.rels';
const OFFICE_DOCUMENT_TYPE = /\/officeDocument$/;

export interface PackageLimits {
  maxPartBytes: number;
  maxXmlDepth: number;
  maxXmlElements: number;
}

function isExternalTarget(relationship: XmlElement): boolean {
  const target = relationship.attrs.Target ?? '';
  return relationship.attrs.TargetMode === 'External' || /^[a-z][a-z0-9+.-]*:/i.test(target);
}

function mainPartFromRelationships(root: XmlElement): string | undefined {
  const relationship = childElements(root).find(
    (child) => OFFICE_DOCUMENT_TYPE.test(child.attrs.Type ?? '') && !isExternalTarget(child),
  );
  return relationship?.attrs.Target ? normalizePartName(relationship.attrs.Target).toLowerCase() : undefined;
}

/** The main part named by _rels/.rels, if that file exists and reads; a broken .rels is not fatal. */
function declaredMainPart(bytes: Uint8Array, entries: Map<string, ZipEntry>, limits: PackageLimits): string | undefined {
  const relationships = entries.get(PACKAGE_RELATIONSHIPS);
  if (!relationships) return undefined;
  try {
    const xml = decodeXml(extractZipEntry(bytes, relationships, limits.maxPartBytes));
    const root = parseXmlTree(xml, { maxDepth: limits.maxXmlDepth, maxElements: limits.maxXmlElements, keepChild: () => true, keepText: () => false, keepAttributes: () => true });
    return mainPartFromRelationships(root);
  } catch (error) {
    if (error instanceof ReadError && error.code === 'ZIP_BOMB') throw error;
    return undefined;
  }
}

/** An Excel or PowerPoint file keeps its parts under xl/ or ppt/; a Word package under word/. */
function looksLikeWordPackage(entries: Map<string, ZipEntry>, declared: string | undefined): boolean {
  return declared?.startsWith('word/') === true || [...entries.keys()].some((key) => key.startsWith('word/'));
}

/** The zip entry of the main document; CORRUPT_DOCX for a Word package without one, NOT_A_DOCX for any other zip. */
export function findMainDocumentEntry(bytes: Uint8Array, entryList: ZipEntry[], limits: PackageLimits): ZipEntry {
  const entries = new Map(entryList.map((entry) => [entry.key, entry]));
  const declared = declaredMainPart(bytes, entries, limits);
  const entry = (declared && entries.get(declared)) || entries.get(DEFAULT_MAIN_PART);
  if (entry) return entry;
  if (looksLikeWordPackage(entries, declared)) {
    throw new ReadError('CORRUPT_DOCX', 'Word 文件已损坏：找不到正文部分（word/document.xml）');
  }
  throw new ReadError('NOT_A_DOCX', '文件扩展名为 .docx，但内容是其他类型的压缩包，不是 Word 文档');
}
