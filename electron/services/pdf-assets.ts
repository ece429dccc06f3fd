/**
 * pdf.js's cMaps, standard fonts and wasm from the installed pdfjs-dist (Node side), read from disk once and
 * kept in memory: otherwise every document reads them again.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type { ReadPdfOptions } from '../../shared/read/pdf/read-pdf';

type Kind = 'cMapUrl' | 'standardFontDataUrl' | 'wasmUrl';

const loaded = new Map<string, Promise<Uint8Array>>();

/** A pdf.js BinaryDataFactory that keeps what it read; pdf.js gets a copy, since it may transfer the buffer. */
class CachedBinaryDataFactory {
  private readonly folders: Record<Kind, string | null>;

  constructor(folders: { cMapUrl?: string | null; standardFontDataUrl?: string | null; wasmUrl?: string | null }) {
    this.folders = { cMapUrl: folders.cMapUrl ?? null, standardFontDataUrl: folders.standardFontDataUrl ?? null, wasmUrl: folders.wasmUrl ?? null };
  }

  async fetch({ kind, filename }: { kind: Kind; filename: string }): Promise<Uint8Array> {
    const folder = this.folders[kind];
    if (!folder || /[\\/]|\.\./.test(filename)) throw new Error(`Unable to load ${kind} data: ${filename}`);
    const path = `${folder}${filename}`;
    let data = loaded.get(path);
    if (!data) {
      data = readFile(path).then((buffer) => new Uint8Array(buffer));
      loaded.set(path, data);
      data.catch(() => loaded.delete(path));
    }
    return (await data).slice();
  }
}

let assets: ReadPdfOptions | null = null;

export function pdfAssets(): ReadPdfOptions {
  if (assets) return assets;
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const folder = (name: string) => join(root, name) + sep;
  assets = { cMapUrl: folder('cmaps'), standardFontDataUrl: folder('standard_fonts'), wasmUrl: folder('wasm'), binaryDataFactory: CachedBinaryDataFactory };
  return assets;
}
