/** The renderer's built files (out/renderer), served by both the app:// protocol and the HTTP bridge. */
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { STATIC_CONTENT_TYPES } from './security';

export interface StaticFile {
  bytes: Uint8Array;
  contentType: string;
  isHtml: boolean;
}

/** The file under `root` for a URL path, or null: nothing outside root, no dotfiles, known types only. */
export async function readRendererFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const path = resolveInside(root, urlPath === '/' || urlPath === '' ? '/index.html' : urlPath);
  if (!path) return null;
  const contentType = STATIC_CONTENT_TYPES[extname(path).toLowerCase()];
  if (!contentType) return null;
  try {
    if (!(await stat(path)).isFile()) return null;
    return { bytes: new Uint8Array(await readFile(path)), contentType, isHtml: contentType.startsWith('text/html') };
  } catch {
    return null;
  }
}

function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split(/[\\/]/).some((part) => part.startsWith('.'))) return null;
  const base = resolve(root);
  const path = resolve(join(base, decoded));
  const inside = relative(base, path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? path : null;
}
