/**
 * readDocx: the bytes of a .docx in, paragraphs and table grids out. Pure TypeScript on fflate and saxes,
 * so it runs in Node and in the browser alike. The file comes from outside and is treated as hostile:
 * its real type is sniffed, only the parts needed are inflated, under a hard cap on their real size, and
 * the XML is parsed without DOCTYPEs and under caps on nesting and on the number of elements kept. External
 * relationships are never followed.
 */
import type { DocumentContent } from '../../model/grid';
import { ReadError } from '../errors';
import { readDocumentBlocks } from './document-blocks';
import { parseDocumentXml } from './document-xml';
import { findMainDocumentEntry } from './package-parts';
import { assertZipContainer } from './sniff';
import { decodeXml } from './xml-tree';
import { extractZipEntry, readZipDirectory } from './zip';

export interface ReadDocxOptions {
  /** Most bytes word/document.xml may inflate to (ZIP_BOMB beyond). Default 64 MiB. */
  maxDocumentXmlBytes?: number;
  /** Most bytes any other part read (the package relationships) may inflate to. Default 4 MiB. */
  maxPartBytes?: number;
  /** Deepest element nesting accepted in the XML (DOCX_XML_INVALID beyond). Default 200. */
  maxXmlDepth?: number;
  /**
   * Most elements kept from word/document.xml (FILE_TOO_LARGE beyond). Default 500 000: a long report has a
   * few tens of thousands; half a million take some 100 MB, well within a reading worker's heap.
   */
  maxXmlElements?: number;
}

export const DOCX_READ_LIMITS: Required<ReadDocxOptions> = Object.freeze({
  maxDocumentXmlBytes: 64 * 1024 * 1024,
  maxPartBytes: 4 * 1024 * 1024,
  maxXmlDepth: 200,
  maxXmlElements: 500_000,
});

function readValidated(bytes: Uint8Array, limits: Required<ReadDocxOptions>): DocumentContent {
  assertZipContainer(bytes);
  const entries = readZipDirectory(bytes);
  const mainEntry = findMainDocumentEntry(bytes, entries, limits);
  const xml = decodeXml(extractZipEntry(bytes, mainEntry, limits.maxDocumentXmlBytes));
  const root = parseDocumentXml(xml, { maxDepth: limits.maxXmlDepth, maxElements: limits.maxXmlElements });
  return { format: 'docx', blocks: readDocumentBlocks(root) };
}

/** Reads a .docx. Throws ReadError (and nothing else) for a file it cannot read. */
export function readDocx(bytes: Uint8Array, options: ReadDocxOptions = {}): DocumentContent {
  const limits: Required<ReadDocxOptions> = {
    maxDocumentXmlBytes: options.maxDocumentXmlBytes ?? DOCX_READ_LIMITS.maxDocumentXmlBytes,
    maxPartBytes: options.maxPartBytes ?? DOCX_READ_LIMITS.maxPartBytes,
    maxXmlDepth: options.maxXmlDepth ?? DOCX_READ_LIMITS.maxXmlDepth,
    maxXmlElements: options.maxXmlElements ?? DOCX_READ_LIMITS.maxXmlElements,
  };
  try {
    return readValidated(bytes, limits);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError('CORRUPT_DOCX', undefined, { cause: error });
  }
}
