/** The Electron-free parts of the main side: app:// responses, command lines, the saved sheet, serve and start. */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { locateElectronBinary } from '../../electron/electron-binary';
import { nodeDurableFs, type DurableFs } from '../../electron/files/durable-fs';
import { batchSheetPdfName, saveBatchSheetPdf, saveSheetPdf, sheetPdfName } from '../../electron/files/sheet-pdf';
import { respondToAppRequest } from '../../electron/main/app-protocol';
import { isAllowedRequestUrl } from '../../electron/main/hardening';
import { reportFilesFromArgv } from '../../electron/main/open-arguments';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { parseServeArguments } from '../../electron/serve';
import { copyFixtures, corpusFile, tempDir } from './helpers/fixtures';

describe('app:// protocol', () => {
  const rendererDir = tempDir();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>年报审核</title>');
  const bytes = new Uint8Array([37, 80, 68, 70]);
  const deps = {
    rendererDir,
    session: { has: (id: string) => id === 'doc1', documentFile: async () => ({ path: '/x.pdf', bytes, contentType: 'application/pdf' }) },
  };

  it('serves the renderer with the strict CSP', async () => {
    const response = await respondToAppRequest({ url: 'app://renderer/index.html', method: 'GET' }, deps);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it("serves a session document's bytes at app://renderer/document/<id>, and nothing else", async () => {
    const response = await respondToAppRequest({ url: 'app://renderer/document/doc1', method: 'GET' }, deps);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    for (const url of ['app://renderer/document/other', 'app://renderer/../../etc/passwd', 'app://renderer/%2e%2e/x.html', 'app://elsewhere/index.html']) {
      expect((await respondToAppRequest({ url, method: 'GET' }, deps)).status, url).toBe(404);
    }
    expect((await respondToAppRequest({ url: 'app://renderer/index.html', method: 'POST' }, deps)).status).toBe(405);
  });

  it('lets no network scheme through the request filter', () => {
    expect(isAllowedRequestUrl('https://example.com')).toBe(false);
    expect(isAllowedRequestUrl('not a url')).toBe(false);
    expect(isAllowedRequestUrl('app://renderer/assets/x.js')).toBe(true);
  });

  it("refuses http, https, ws, wss, ftp, file and every scheme but the app's own, devtools, data: and blob:", () => {
    const refused = [
      'http://example.com/', 'https://example.com/font.woff2', 'HTTPS://EXAMPLE.COM/', 'http://127.0.0.1:5173/', 'http://localhost/',
      'http://[::1]/', 'ws://127.0.0.1:9229/', 'wss://example.com/socket', 'ftp://example.com/x', 'file:///etc/passwd',
      'file://server/share/x.pdf', 'chrome://settings', 'chrome-extension://abcdef/x.js', 'filesystem:https://example.com/temporary/x',
      'javascript:alert(1)', 'mailto:a@example.com', 'about:blank', 'gopher://example.com/', 'apps://renderer/x', 'app-x://renderer/x',
      '//example.com/x', '/index.html', '',
    ];
    for (const url of refused) expect(isAllowedRequestUrl(url), url).toBe(false);
    const allowed = ['app://renderer/index.html', 'app://renderer/pdfjs/cmaps/UniGB-UCS2-H.bcmap', 'app://renderer/document/abc', 'APP://renderer/x', 'devtools://devtools/bundled/x.html', 'data:font/woff2;base64,AA', 'blob:app://renderer/1234'];
    for (const url of allowed) expect(isAllowedRequestUrl(url), url).toBe(true);
  });
});

describe('the main process never phones home', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
  /** The code without its comments (which may well name what the code must not use). */
  const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  const code = sources(resolve('electron')).map((path) => ({ path, text: withoutComments(readFileSync(path, 'utf8')) }));

  it('has no auto-updater, crash reporter, Electron net requests or external links', () => {
    expect(code.length).toBeGreaterThan(10);
    for (const { path, text } of code) {
      for (const pattern of [/\bautoUpdater\b/, /\bcrashReporter\b/, /\bopenExternal\b/, /\bnet\.(request|fetch)\b/, /\bsetSpellCheckerEnabled\(true/, /spellcheck:\s*true/, /electron-updater/]) {
        expect(pattern.test(text), `${path}: ${pattern}`).toBe(false);
      }
    }
  });

  it('names no http(s) or ws(s) address outside 127.0.0.1 and localhost (XML namespace names aside)', () => {
    for (const { path, text } of code) {
      const withoutNamespaces = text.replace(/xmlns(?::\w+)?="[^"]*"/g, '');
      const addresses = [...withoutNamespaces.matchAll(/\b(?:https?|wss?):\/\/([^/\s'"`:$]+)/g)].map((match) => match[1]);
      expect(addresses.filter((host) => host !== '127.0.0.1' && host !== 'localhost'), path).toEqual([]);
    }
  });
});

describe('command line files ("open with", second instance)', () => {
  it('takes only existing report files, resolved against the working directory', () => {
    const folder = tempDir();
    const [report] = copyFixtures([corpusFile('d01_docx.docx')], folder);
    writeFileSync(join(folder, 'notes.txt'), 'x');
    mkdirSync(join(folder, 'dir.docx'));
    const argv = ['/opt/年报审核/nianbao', '--inspect=9229', '.', 'd01_docx.docx', 'missing.pdf', 'notes.txt', 'dir.docx', '--open-sample', report, 'x'.repeat(5000)];
    expect(reportFilesFromArgv(argv, folder)).toEqual([report, report]);
  });
});

describe('notes sheet as PDF', () => {
  it('is saved beside the document as <name>.审核意见.pdf', async () => {
    const folder = tempDir();
    const path = await saveSheetPdf(join(folder, '某局2023年报告.docx'), new Uint8Array([1, 2, 3]), tempDir());
    expect(path).toBe(join(folder, '某局2023年报告.审核意见.pdf'));
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
  });

  it('goes to the data folder when the document folder is read-only', async () => {
    const folder = tempDir();
    const dataDir = tempDir();
    const readOnly: DurableFs = {
      ...nodeDurableFs,
      writeDurably: async (path, content) => {
        if (path.startsWith(folder)) throw Object.assign(new Error('EROFS'), { code: 'EROFS' });
        return nodeDurableFs.writeDurably(path, content);
      },
    };
    const path = await saveSheetPdf(join(folder, 'a.pdf'), new Uint8Array([1]), dataDir, readOnly);
    expect(path).toBe(join(dataDir, 'sheets', sheetPdfName('a.pdf')));
  });

  it('the batch summary sheet goes where the reviewer chose, named by the time', async () => {
    expect(batchSheetPdfName(new Date(2024, 0, 31, 15, 30, 5))).toBe('批次汇总表-20240131-153005.pdf');
    const target = join(tempDir(), '新建文件夹', batchSheetPdfName());
    expect(await saveBatchSheetPdf(target, new Uint8Array([4, 5]))).toBe(target);
    expect([...readFileSync(target)]).toEqual([4, 5]);
  });
});

describe('npm start and npm run serve', () => {
  it('finds no Electron binary here without trying to download one', () => {
    const root = tempDir();
    expect(locateElectronBinary(root, {})).toBeNull();
    mkdirSync(join(root, 'node_modules', 'electron', 'dist'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(locateElectronBinary(root, {})).toBeNull();
    writeFileSync(join(root, 'node_modules', 'electron', 'dist', 'electron'), '');
    expect(locateElectronBinary(root, {})).toBe(join(root, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('parses serve arguments', () => {
    expect(parseServeArguments(['--port', '8123', 'a.docx', 'folder'])).toEqual({ port: 8123, paths: ['a.docx', 'folder'], sample: false });
    expect(parseServeArguments(['--port', 'x'])).toHaveProperty('error');
    expect(parseServeArguments(['--verbose'])).toHaveProperty('error');
  });

  it('prints the URL as the first line of stdout, with the given files opened', async () => {
    const [report] = copyFixtures([corpusFile('d22_docx.docx')]);
    const child = spawn(process.execPath, [resolve('electron/run-ts.mjs'), resolve('electron/serve.ts'), report], {
      env: { ...process.env, NIANBAO_DATA_DIR: tempDir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const firstLine = await new Promise<string>((resolveLine) => createInterface({ input: child.stdout }).once('line', resolveLine));
      expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+#\/review\/[A-Za-z0-9_-]+$/);
      const url = new URL(firstLine);
      const response = await fetch(new URL('/api/listSession', url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': url.searchParams.get('token')! },
        body: '{}',
      });
      const { documents } = (await response.json()) as { documents: { id: string; name: string; counts: { error: number } }[] };
      expect(documents).toMatchObject([{ name: 'd22_docx.docx', counts: { error: 1 } }]);
      expect(url.hash).toBe(`#/review/${documents[0].id}`);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
