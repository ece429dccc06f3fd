/**
 * The loopback HTTP bridge: the same UI and API in an ordinary browser, for machines without the Electron
 * runtime. Listens on 127.0.0.1 only; every request must name the bridge's own host (against DNS rebinding)
 * and carry the random token (the page in the query string, API calls in a header).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApiFailure } from '../api/api-error';
import { callApi, createHandlers, exportsDir, type Handlers, type Platform } from '../api/handlers';
import { readRendererFile } from '../renderer-files';
import { CONTENT_SECURITY_POLICY, RENDERER_MISSING_HTML } from '../security';
import type { Session } from '../session/session';

export const TOKEN_HEADER = 'x-nianbao-token';
/** Requests carry at most this much JSON (openPaths with thousands of paths is the largest). */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface BridgeOptions {
  session: Session;
  /** The renderer's build output (out/renderer). */
  rendererDir: string;
  /** 0 (default): a free port chosen by the system. */
  port?: number;
  handlers?: Handlers;
}

export interface Bridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** In a browser, dialogs and printing belong to the page: the renderer prints with window.print(). */
export const browserPlatform: Platform = {
  async pickPaths() {
    throw new ApiFailure('NOT_AVAILABLE', '在浏览器中无法打开系统的文件选择窗口：请把文件拖到页面上，或在启动 serve 时给出文件或文件夹', 400);
  },
  async printSheet() {
    return null;
  },
  /** Exports go to the data folder's exports/ and the page downloads them from here. */
  exportDownloadRoute(fileName: string) {
    return `/export/${encodeURIComponent(fileName)}`;
  },
};

const EXPORT_NAME = /^[^/\\\0]{1,200}\.(xlsx|csv)$/;
const EXPORT_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(24).toString('base64url');
  const handlers = options.handlers ?? createHandlers(options.session, browserPlatform);
  let port = 0;
  const server = createServer((request, response) => {
    handleRequest({ request, response, token, port, handlers, options }).catch((error: unknown) => {
      console.error('[bridge]', error);
      if (!response.headersSent) sendText(response, 500, '内部错误');
      else response.destroy();
    });
  });
  port = await listen(server, options.port ?? 0);
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () => closeServer(server),
  };
}

interface RequestContext {
  request: IncomingMessage;
  response: ServerResponse;
  token: string;
  port: number;
  handlers: Handlers;
  options: BridgeOptions;
}

async function handleRequest(context: RequestContext): Promise<void> {
  const { request, response } = context;
  if (!isLoopback(request.socket.remoteAddress) || !isOwnHost(request.headers.host, context.port)) {
    return sendText(response, 403, '拒绝访问：只接受本机地址的请求');
  }
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${context.port}`);
  const method = request.method ?? 'GET';
  if (url.pathname.startsWith('/api/')) return method === 'POST' ? serveApi(context, url.pathname.slice(5)) : sendText(response, 405, '不支持的请求方法');
  if (method !== 'GET' && method !== 'HEAD') return sendText(response, 405, '不支持的请求方法');
  if (url.pathname.startsWith('/document/')) return serveDocument(context, url);
  if (url.pathname.startsWith('/export/')) return serveExport(context, url);
  return serveStatic(context, url);
}

async function serveApi(context: RequestContext, method: string): Promise<void> {
  const { request, response } = context;
  if (!tokenMatches(headerValue(request.headers[TOKEN_HEADER]), context.token)) return sendJson(response, 403, forbidden());
  if (!isOwnOrigin(request.headers.origin, context.port)) return sendJson(response, 403, forbidden());
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    return sendJson(response, 415, { code: 'BAD_REQUEST', message: '请求须为 JSON（Content-Type: application/json）' });
  }
  const body = await readJsonBody(request);
  if (!body.ok) return sendJson(response, body.status, { code: 'BAD_REQUEST', message: body.message });
  const outcome = await callApi(context.handlers, method, body.value);
  if (outcome.ok) sendJson(response, 200, outcome.value);
  else sendJson(response, outcome.status, outcome.error);
}

async function serveDocument(context: RequestContext, url: URL): Promise<void> {
  const { request, response } = context;
  const given = url.searchParams.get('token') ?? headerValue(request.headers[TOKEN_HEADER]);
  if (!tokenMatches(given, context.token)) return sendText(response, 403, '拒绝访问：缺少或错误的访问令牌');
  const id = decodeURIComponent(url.pathname.slice('/document/'.length));
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id) || !context.options.session.has(id)) return sendText(response, 404, '找不到该文档');
  try {
    const file = await context.options.session.documentFile(id);
    send(response, 200, file.contentType, file.bytes, request.method === 'HEAD');
  } catch {
    sendText(response, 404, '无法读取该文档（文件可能已被移动或删除）');
  }
}

/** An export written in the data folder's exports/, as a download (token required, plain file names only). */
async function serveExport(context: RequestContext, url: URL): Promise<void> {
  const { request, response } = context;
  if (!tokenMatches(url.searchParams.get('token') ?? headerValue(request.headers[TOKEN_HEADER]), context.token)) {
    return sendText(response, 403, '拒绝访问：缺少或错误的访问令牌');
  }
  const name = safeDecode(url.pathname.slice('/export/'.length));
  const match = name && name !== '.' && name !== '..' ? EXPORT_NAME.exec(name) : null;
  if (!name || !match) return sendText(response, 404, '找不到该导出文件');
  const bytes = await readFile(join(exportsDir(context.options.session.dataDir), name)).catch(() => null);
  if (!bytes) return sendText(response, 404, '找不到该导出文件');
  response.writeHead(200, {
    ...securityHeaders(EXPORT_TYPES[match[1] as 'xlsx' | 'csv']),
    'Content-Length': String(bytes.byteLength),
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

async function serveStatic(context: RequestContext, url: URL): Promise<void> {
  const { request, response } = context;
  const isPage = url.pathname === '/' || url.pathname === '/index.html';
  if (isPage && !tokenMatches(url.searchParams.get('token'), context.token)) {
    return sendText(response, 403, '拒绝访问：缺少或错误的访问令牌。请使用启动时显示的完整地址（含 ?token=…）');
  }
  const file = await readRendererFile(context.options.rendererDir, url.pathname);
  if (!file) {
    if (isPage) return send(response, 200, 'text/html; charset=utf-8', Buffer.from(RENDERER_MISSING_HTML), request.method === 'HEAD');
    return sendText(response, 404, '找不到该文件');
  }
  if (file.isHtml && !isPage) return sendText(response, 404, '找不到该文件');
  send(response, 200, file.contentType, file.bytes, request.method === 'HEAD');
}

type BodyRead = { ok: true; value: unknown } | { ok: false; status: number; message: string };

async function readJsonBody(request: IncomingMessage): Promise<BodyRead> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, message: '请求内容过大' };
    chunks.push(chunk);
  }
  try {
    const text = Buffer.concat(chunks).toString('utf8');
    return { ok: true, value: text.trim() === '' ? {} : JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, message: '请求内容不是有效的 JSON' };
  }
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    // No speculative DNS lookups for anything a page names (belt and braces: the page names nothing foreign).
    'X-DNS-Prefetch-Control': 'off',
    ...(contentType.startsWith('text/html') ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } : {}),
  };
}

function send(response: ServerResponse, status: number, contentType: string, body: Uint8Array, headOnly = false): void {
  response.writeHead(status, { ...securityHeaders(contentType), 'Content-Length': String(body.byteLength) });
  response.end(headOnly ? undefined : body);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  send(response, status, 'text/plain; charset=utf-8', Buffer.from(`${text}\n`));
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', Buffer.from(JSON.stringify(value)));
}

function forbidden() {
  return { code: 'FORBIDDEN', message: '拒绝访问：缺少或错误的访问令牌' };
}

function headerValue(value: string | string[] | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

export function tokenMatches(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Browsers send Origin on cross-site POSTs; a page of another site never gets through. */
function isOwnOrigin(origin: string | undefined, port: number): boolean {
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::ffff:127.0.0.1' || address === '::1';
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
