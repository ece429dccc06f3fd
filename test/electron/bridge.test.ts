import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/http/bridge';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { Session } from '../../electron/session/session';
import { copyFixtures, corpusFile, tempDir } from './helpers/fixtures';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request, so the Host and Origin headers can be anything. */
function send(bridge: Bridge, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: bridge.port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${bridge.port}`, ...options.headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

function api(bridge: Bridge, method: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(bridge, `/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': bridge.token, ...headers },
    body: JSON.stringify(body),
  });
}

const json = (reply: Reply) => JSON.parse(reply.body.toString('utf8'));

describe('HTTP bridge', () => {
  const rendererDir = tempDir('nianbao-renderer-');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>年报审核</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("renderer")');
  writeFileSync(join(rendererDir, '.secret'), 'hidden');
  const [d19] = copyFixtures([corpusFile('d19_docx.docx')]);
  let bridge: Bridge;

  beforeAll(async () => {
    bridge = await startBridge({ session: new Session({ dataDir: tempDir('nianbao-data-') }), rendererDir });
  });
  afterAll(() => bridge.close());

  it('listens on the loopback address only, on a random port, with a random token', async () => {
    expect(bridge.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${bridge.port}/\\?token=[A-Za-z0-9_-]{32}$`));
    expect(bridge.port).toBeGreaterThan(0);
    const other = await startBridge({ session: new Session({ dataDir: tempDir() }), rendererDir });
    expect(other.token).not.toBe(bridge.token);
    await other.close();
  });

  it('serves the page only with the token, with a strict CSP', async () => {
    expect((await send(bridge, '/')).status).toBe(403);
    expect((await send(bridge, '/?token=wrong')).status).toBe(403);
    const page = await send(bridge, `/?token=${bridge.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.body.toString()).toContain('年报审核');
  });

  it('serves the static assets and nothing outside the renderer folder', async () => {
    const script = await send(bridge, '/assets/app.js');
    expect(script).toMatchObject({ status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8', 'x-content-type-options': 'nosniff' } });
    for (const path of ['/assets/missing.js', '/../package.json', '/%2e%2e/package.json', '/.secret', '/assets/..%2F..%2Findex.html']) {
      expect((await send(bridge, path)).status, path).toBe(404);
    }
  });

  it('rejects a Host header that is not its own (DNS rebinding)', async () => {
    for (const host of ['evil.example:80', `evil.example:${bridge.port}`, '127.0.0.1', `127.0.0.1:${bridge.port + 1}`]) {
      expect((await send(bridge, `/?token=${bridge.token}`, { headers: { Host: host } })).status, host).toBe(403);
      expect((await api(bridge, 'listSession', {}, { Host: host })).status, host).toBe(403);
    }
    expect((await send(bridge, `/?token=${bridge.token}`, { headers: { Host: `localhost:${bridge.port}` } })).status).toBe(200);
  });

  it('requires the token header and its own origin on API calls', async () => {
    expect((await api(bridge, 'listSession', {}, { 'X-Nianbao-Token': '' })).status).toBe(403);
    expect(json(await api(bridge, 'listSession', {}, { 'X-Nianbao-Token': 'x'.repeat(32) }))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await api(bridge, 'listSession', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api(bridge, 'listSession', {}, { Origin: `http://127.0.0.1:${bridge.port}` })).status).toBe(200);
    expect((await api(bridge, 'listSession', {}, { 'Content-Type': 'text/plain' })).status).toBe(415);
  });

  it('refuses methods and paths it does not serve', async () => {
    expect((await send(bridge, '/api/listSession')).status).toBe(405);
    expect((await send(bridge, `/?token=${bridge.token}`, { method: 'PUT' })).status).toBe(405);
    expect((await send(bridge, '/', { method: 'OPTIONS' })).status).toBe(405);
    expect(await api(bridge, 'dropTables', {})).toMatchObject({ status: 404 });
    expect(json(await api(bridge, 'dropTables', {}))).toMatchObject({ code: 'UNKNOWN_METHOD' });
    const invalid = await send(bridge, '/api/listSession', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': bridge.token }, body: '{oops' });
    expect(invalid.status).toBe(400);
  });

  it('runs the API round trip: open, review, save, review again', async () => {
    const opened = await api(bridge, 'openPaths', { paths: [d19] });
    expect(opened.status).toBe(200);
    const [document] = json(opened).documents;
    expect(document).toMatchObject({ name: 'd19_docx.docx', status: 'checked', counts: { error: 2 } });
    const review = json(await api(bridge, 'getReview', { id: document.id }));
    expect(review.findings.map((finding: { rule: string }) => finding.rule).sort()).toEqual(['T3-COL-SUM', 'T3-ROW-SUM']);
    const annotations = { ...review.annotations, verdict: { ...review.annotations.verdict, value: '退回', comment: '表三合计有误' } };
    const saved = await api(bridge, 'saveAnnotations', { id: document.id, annotations });
    expect(saved.status).toBe(200);
    expect(json(saved).summary).toMatchObject({ reviewState: 'done', verdict: '退回' });
    expect(JSON.parse(readFileSync(`${d19}.review.json`, 'utf8')).verdict.comment).toBe('表三合计有误');
    expect(json(await api(bridge, 'printSheet', { id: document.id, mode: 'pdf' }))).toEqual({ pdfPath: null });
    expect(json(await api(bridge, 'pickFiles', { folder: true }))).toMatchObject({ code: 'NOT_AVAILABLE' });
    expect(json(await api(bridge, 'getReview', { id: 'nope' }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it("serves a document's bytes with the token only", async () => {
    const [document] = json(await api(bridge, 'listSession', {})).documents;
    expect((await send(bridge, `/document/${document.id}`)).status).toBe(403);
    const bytes = await send(bridge, `/document/${document.id}?token=${bridge.token}`);
    expect(bytes.status).toBe(200);
    expect(bytes.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(bytes.body.equals(readFileSync(d19))).toBe(true);
    expect((await send(bridge, `/document/unknown?token=${bridge.token}`)).status).toBe(404);
  });

  it('tells how to build the renderer when out/renderer is missing', async () => {
    const bare = await startBridge({ session: new Session({ dataDir: tempDir() }), rendererDir: join(tempDir(), 'missing') });
    const page = await send(bare, `/?token=${bare.token}`);
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('npm run build:renderer');
    await bare.close();
  });
});
