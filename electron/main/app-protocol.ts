/**
 * The app:// protocol: the renderer (`app://renderer/index.html`) and the documents' bytes
 * (`app://renderer/document/<id>`, same origin as the page so the strict CSP's connect-src 'self' covers it).
 * No file:// anywhere.
 */
import { readRendererFile } from '../renderer-files';
import { CONTENT_SECURITY_POLICY } from '../security';
import type { Session } from '../session/session';

export const APP_SCHEME = 'app';
export const RENDERER_ORIGIN = 'app://renderer';
export const RENDERER_URL = `${RENDERER_ORIGIN}/index.html`;

export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  stream: true,
  codeCache: true,
} as const;

export interface AppProtocolDeps {
  rendererDir: string;
  session: Pick<Session, 'has' | 'documentFile'>;
}

export function documentUrl(id: string): string {
  return `${RENDERER_ORIGIN}/document/${encodeURIComponent(id)}`;
}

/** True for a URL of the renderer's own pages (and nothing else of the app:// scheme). */
export function isRendererUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'renderer';
  } catch {
    return false;
  }
}

export async function respondToAppRequest(request: { url: string; method: string }, deps: AppProtocolDeps): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, '不支持的请求方法');
  const url = new URL(request.url);
  if (url.host !== 'renderer') return textResponse(404, '找不到该地址');
  if (url.pathname.startsWith('/document/')) return documentResponse(decodeURIComponent(url.pathname.slice('/document/'.length)), deps);
  const file = await readRendererFile(deps.rendererDir, url.pathname);
  if (!file) return textResponse(404, url.pathname === '/index.html' ? '界面尚未构建：请先运行 npm run build:renderer' : '找不到该文件');
  return new Response(file.bytes as BodyInit, { status: 200, headers: headersFor(file.contentType) });
}

async function documentResponse(id: string, deps: AppProtocolDeps): Promise<Response> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id) || !deps.session.has(id)) return textResponse(404, '找不到该文档');
  try {
    const file = await deps.session.documentFile(id);
    return new Response(file.bytes as BodyInit, { status: 200, headers: headersFor(file.contentType) });
  } catch {
    return textResponse(404, '无法读取该文档（文件可能已被移动或删除）');
  }
}

function headersFor(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...(contentType.startsWith('text/html') ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } : {}),
  };
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: headersFor('text/plain; charset=utf-8') });
}
