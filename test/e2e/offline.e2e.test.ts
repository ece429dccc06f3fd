/**
 * The offline guarantee, end to end: the whole workflow — open a Word report and a PDF, see the check results,
 * jump from a finding to the original (Word and pdf.js pages with their text layer), annotate (a note,
 * confirm, reject, correct a value), print the notes sheet, open a folder as a batch and export the workbook
 * and CSV — and not one attempt to reach anything but 127.0.0.1, watched from both sides:
 *
 * - server: `serve` runs under helpers/network-guard.ts (sockets, http(s), http2, DNS, UDP, fetch, WebSocket,
 *   in the main thread and in every reading worker), which refuses and logs any other destination; its
 *   self-test proves it live in each thread;
 * - browser: every request of the context (pages, workers, service workers) through page and context
 *   listeners and a context route that aborts anything not on the bridge's origin, data: or blob:; Chromium's
 *   resolver maps every other host to NOTFOUND; and its NetLog is read at the end for DNS lookups,
 *   preconnects and connects that no request event shows.
 *
 * pdf.js's worker and cMaps must come from the app: a generated PDF in non-embedded STSong-Light
 * (UniGB-UCS2-H) and Helvetica makes pdf.js fetch its cMaps, and the test sees it do so from 127.0.0.1.
 * A canary request from a blank page proves the browser-side recorders live, as the self-test does the guard.
 * KEEP_OFFLINE_E2E=1 keeps the temp folder (guard log, NetLog, exports) for a look after a failure.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFLINE_RESOLVER_ARGS, VIEWPORTS, launchChromium } from './helpers/browser';
import { cjkPdfBytes } from './helpers/cjk-pdf';
import { outgoingAttempts, readGuardLog } from './helpers/network-guard-log';
import { foreignNetAttempts, netLogRequestUrls, readNetLog } from './helpers/netlog';
import { ROOT, ensureRendererBuilt, makeTempDir, startServe, type Served, tearDown } from './helpers/serve';

const ROOT_CAUSE = 'table3.granted.naturalPerson';
const FINDING_NOTE = '离线核对：自然人一栏与原件不符';
const CANARY_URL = 'http://offline-canary.invalid/probe';
const BATCH_FILES = ['d15_docx.docx', 'd22_docx.docx', 'd02_docx.docx'];
/** Enough of a report (its title and section headings) to be checked and shown, not refused as NOT_A_REPORT. */
const CJK_LINES = ['某县人民政府2023年政府信息公开工作年度报告', '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况'];

interface Seen {
  url: string;
  type: string;
  via: 'page' | 'context' | 'route';
}

let served: Served;
let browser: Browser | null = null;
let context: BrowserContext;
let workDir: string;
let guardLog: string;
let netLogPath: string;
let started = 0;
const seen: Seen[] = [];
const blocked: string[] = [];
const failed: string[] = [];
const serviceWorkers: string[] = [];
const webSockets: string[] = [];
const pageErrors: string[] = [];

/** The bridge's origin, data: and blob: — nothing else may be asked for. */
function isAppUrl(url: string): boolean {
  return url.startsWith(`${served.origin}/`) || url.startsWith('data:') || url.startsWith('blob:');
}

const isCanary = (url: string) => url.startsWith(CANARY_URL);

function watch(page: Page): Page {
  page.on('request', (request) => seen.push({ url: request.url(), type: request.resourceType(), via: 'page' }));
  page.on('websocket', (socket) => webSockets.push(socket.url()));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

async function waitSaved(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="save-state"][data-status="saved"]', { timeout: 15_000 });
}

/** The start page's path box: what a reviewer without Electron's file dialog types. */
async function openFromStartPage(page: Page, path: string): Promise<void> {
  await page.goto(`${served.url}#/`);
  await page.locator('#path-input').fill(path);
  await page.getByRole('button', { name: '打开', exact: true }).click();
}

async function openedReviewId(page: Page): Promise<string> {
  await page.waitForURL(/#\/review\//, { timeout: 30_000 });
  return decodeURIComponent(new URL(page.url()).hash.replace('#/review/', ''));
}

beforeAll(async () => {
  ensureRendererBuilt();
  workDir = makeTempDir('nianbao-offline-e2e-');
  const dataDir = join(workDir, 'data');
  mkdirSync(dataDir);
  for (const file of ['d19_docx.docx', 'd22_lo.pdf']) copyFileSync(join(ROOT, 'test/fixtures/corpus', file), join(workDir, file));
  writeFileSync(join(workDir, 'cjk-nonembedded.pdf'), cjkPdfBytes(CJK_LINES, 'Helvetica, not embedded'));
  mkdirSync(join(workDir, 'batch'));
  for (const file of BATCH_FILES) copyFileSync(join(ROOT, 'test/fixtures/corpus', file), join(workDir, 'batch', file));
  guardLog = join(workDir, 'network-guard.jsonl');
  netLogPath = join(workDir, 'chromium-netlog.json');
  served = await startServe([], dataDir, { networkGuardLog: guardLog });
  // Chrome's autofill sends the signatures of a page's forms to Google (content-autofill.googleapis.com) on
  // behalf of the page, whatever the page says (autocomplete="off" does not stop it): a browser feature, not in
  // Electron, switched off here so that the NetLog check can hold the page to zero attempts.
  browser = await launchChromium([...OFFLINE_RESOLVER_ARGS, '--disable-features=AutofillServerCommunication', `--log-net-log=${netLogPath}`, '--net-log-capture-mode=Default']);
  context = await browser.newContext({ viewport: VIEWPORTS.small, acceptDownloads: true, serviceWorkers: 'allow' });
  context.on('request', (request) => seen.push({ url: request.url(), type: request.resourceType(), via: 'context' }));
  context.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
  context.on('serviceworker', (worker) => serviceWorkers.push(worker.url()));
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    seen.push({ url, type: route.request().resourceType(), via: 'route' });
    if (isAppUrl(url)) return route.continue();
    // The canary goes on to the network stack, where the resolver rules must stop it.
    if (isCanary(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  // window.print() would open the system's dialog: counted instead, and the page printed with page.pdf().
  await context.addInitScript(() => {
    window.print = () => void ((window as unknown as { printCalls: number }).printCalls = ((window as unknown as { printCalls?: number }).printCalls ?? 0) + 1);
  });
  started = Date.now();
});

afterAll(() => tearDown(browser, served, workDir, Boolean(process.env.KEEP_OFFLINE_E2E)));

describe('offline: the whole workflow reaches nothing beyond 127.0.0.1', () => {
  it('opens, checks, jumps to the original, annotates, prints, batches and exports', async () => {
    const page = watch(await context.newPage());

    // 1. A Word report: its findings, a jump to the original, and the annotations.
    const docxPath = join(workDir, 'd19_docx.docx');
    await openFromStartPage(page, docxPath);
    const docxId = await openedReviewId(page);
    await page.waitForSelector('[data-testid="tables"] td[data-cell-id]');
    await page.waitForSelector('[data-original-ready="true"]', { timeout: 20_000 });
    const rowSum = page.locator('.finding[data-rule="T3-ROW-SUM"]');
    const colSum = page.locator('.finding[data-rule="T3-COL-SUM"]');
    await rowSum.click();
    await expect.poll(() => page.locator(`.word-page td[data-cell-id="${ROOT_CAUSE}"]`).getAttribute('class')).toContain('is-focus');
    await rowSum.getByRole('button', { name: '+ 添加备注' }).click();
    await rowSum.locator('textarea').fill(FINDING_NOTE);
    await rowSum.getByRole('button', { name: '确认问题' }).click();
    await waitSaved(page);
    await colSum.getByRole('button', { name: '驳回' }).click();
    await waitSaved(page);
    await page.locator(`[data-testid="tables"] td[data-cell-id="${ROOT_CAUSE}"]`).click();
    await page.locator('#correction-value').fill('93');
    await page.locator('#correction-reason').fill('原件核对');
    await page.getByRole('button', { name: '应用更正并重新校验' }).click();
    await waitSaved(page);
    const sidecar = JSON.parse(readFileSync(`${docxPath}.review.json`, 'utf8'));
    expect(Object.values(sidecar.findings).map((entry) => (entry as { decision: string }).decision).sort()).toEqual(['confirmed', 'dismissed']);
    expect(sidecar.corrections[ROOT_CAUSE]).toMatchObject({ value: 93, originalValue: 94 });

    // 2. The notes sheet: the print button, then the printed page as the printer would get it.
    await page.goto(`${served.url}#/sheet/${docxId}`);
    await page.waitForSelector('[data-sheet-ready]');
    await page.getByTestId('print-button').click();
    expect(await page.evaluate(() => (window as unknown as { printCalls?: number }).printCalls)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const sheetPdf = join(workDir, 'sheet.pdf');
    writeFileSync(sheetPdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.emulateMedia({ media: 'screen' });
    const sheetText = execFileSync('pdftotext', ['-layout', sheetPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(sheetText).toContain('审核意见单');
    expect(sheetText).toContain(FINDING_NOTE);

    // 3. A PDF report: pdf.js pages with their text layer, and a finding boxed on its page.
    await openFromStartPage(page, join(workDir, 'd22_lo.pdf'));
    await openedReviewId(page);
    await page.waitForSelector('[data-original-ready="true"]', { timeout: 30_000 });
    expect(await page.locator('.pdfViewer .page').count()).toBe(5);
    await page.locator('.finding[data-rule="T4-SUM"]').first().click();
    await page.locator('.pdf-mark.is-focus').first().waitFor({ timeout: 15_000 });
    await page.waitForSelector('.pdfViewer .textLayer span');

    // 4. Chinese text in a font the file does not carry: pdf.js needs its cMaps to show and select it.
    await openFromStartPage(page, join(workDir, 'cjk-nonembedded.pdf'));
    await openedReviewId(page);
    await page.waitForSelector('[data-original-ready="true"]', { timeout: 30_000 });
    await expect.poll(() => page.locator('.pdfViewer .textLayer').first().textContent(), { timeout: 15_000 }).toContain('年度报告');

    // 5. A folder as a batch, the dashboard, and both exports downloaded from the bridge.
    await openFromStartPage(page, join(workDir, 'batch'));
    await page.waitForURL(/#\/list/);
    await page.waitForSelector('[data-testid="batch-progress"][data-finished="true"]', { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelectorAll('.doc-row[data-status="pending"]').length === 0);
    for (const [button, extension] of [['导出 Excel', '.xlsx'], ['导出 CSV', '.csv']] as const) {
      await page.getByRole('button', { name: button }).click();
      const link = page.getByTestId('export-download');
      await link.waitFor({ timeout: 30_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const saved = join(workDir, `export${extension}`);
      await download.saveAs(saved);
      expect(download.suggestedFilename().endsWith(extension)).toBe(true);
      if (extension === '.xlsx') {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(saved);
        expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '问题清单', '数据汇总', '说明']);
      } else {
        expect(readFileSync(saved, 'utf8')).toContain('d22_docx.docx');
      }
      await page.locator('.export-toast button[title="关闭"]').click();
    }
    expect(await page.evaluate(async () => (await navigator.serviceWorker?.getRegistrations())?.length ?? 0)).toBe(0);
    await page.close();

    // The canary: a blank page (no CSP) asks a foreign host. Every recorder must see it; the resolver fails it.
    const blank = watch(await context.newPage());
    const canary = await blank.evaluate((url) => fetch(url).then(() => 'reached', () => 'failed'), CANARY_URL);
    expect(canary).toBe('failed');
    await blank.close();
  });

  it('left 127.0.0.1 not once: server guard, browser recorders and NetLog agree', async () => {
    const seconds = (Date.now() - started) / 1000;
    await context.close();
    await browser!.close();
    browser = null;
    await served.stop();

    // Server: the guard was live in the main thread and in the reading workers, and refused nothing.
    const entries = readGuardLog(guardLog);
    const threads = new Set(entries.filter((entry) => entry.event === 'installed').map((entry) => entry.thread));
    const selfTests = entries.filter((entry) => entry.event === 'self-test');
    expect(threads.has(0)).toBe(true);
    expect(threads.size).toBeGreaterThan(1); // the batch was read on worker threads, guarded too
    expect(selfTests.length).toBeGreaterThan(0);
    expect(selfTests.every((entry) => entry.ok)).toBe(true);
    expect(selfTests.map((entry) => entry.thread)).toContain(0);
    expect(outgoingAttempts(entries)).toEqual([]);

    // Browser: every request was the bridge's, data: or blob: (the canary aside), and all recorders saw it.
    const urls = seen.map((entry) => entry.url);
    expect(urls.filter((url) => !isAppUrl(url) && !isCanary(url))).toEqual([]);
    expect(blocked).toEqual([]);
    for (const via of ['page', 'context', 'route'] as const) expect(seen.some((entry) => entry.via === via && isCanary(entry.url)), via).toBe(true);
    // (pdf.js cancels the rest of a document's stream once it has the bytes it needs: aborted, but local.)
    expect(failed.filter((line) => !isCanary(line) && !isAppUrl(line))).toEqual([]);
    expect(failed.find(isCanary)).toMatch(/ERR_NAME_NOT_RESOLVED/);
    expect(serviceWorkers).toEqual([]);
    expect(webSockets).toEqual([]);
    expect(pageErrors).toEqual([]);

    // The app's own files came from 127.0.0.1, pdf.js's worker and cMaps among them.
    const local = new Set(urls.filter((url) => url.startsWith(`${served.origin}/`)).map((url) => new URL(url).pathname));
    expect(local.size).toBeGreaterThan(10);
    expect(local).toContain('/pdfjs/pdf.worker.min.mjs');
    const cMaps = [...local].filter((path) => path.startsWith('/pdfjs/cmaps/'));
    const standardFonts = [...local].filter((path) => path.startsWith('/pdfjs/standard_fonts/'));
    expect(cMaps).toContain('/pdfjs/cmaps/UniGB-UCS2-H.bcmap');
    // Standard fonts only when pdf.js may not use the system's (useSystemFonts is on in a browser): any it did
    // ask for came from 127.0.0.1 like everything else, as the check above showed.
    expect([...local].some((path) => path.startsWith('/document/'))).toBe(true);

    // NetLog: no DNS lookup, preconnect, stream or socket of the app's for any other host. Chromium's own
    // background requests (updates, accounts), which the Electron build does not have, are listed, not counted.
    const netLog = readNetLog(netLogPath);
    const attempts = foreignNetAttempts(netLog, 'http://127.0.0.1');
    const byApp = attempts.filter((attempt) => attempt.byApp && !isCanary(attempt.target));
    expect(byApp).toEqual([]);
    expect(attempts.some((attempt) => isCanary(attempt.target))).toBe(true);
    // Typing in a text box made Chromium fetch its Hunspell dictionary from Google until the page said
    // spellcheck="false" (renderer/index.html): counted as the app's doing, though the browser makes the request.
    expect(attempts.filter((attempt) => /\.bdic\b|\/dict\//.test(attempt.target))).toEqual([]);
    // The downloads of the exports, which request events do not report, are in it: from 127.0.0.1.
    const exportsFetched = netLogRequestUrls(netLog).filter((url) => new URL(url).pathname.startsWith('/export/'));
    expect(exportsFetched.length).toBeGreaterThanOrEqual(2);
    expect(exportsFetched.filter((url) => !isAppUrl(url))).toEqual([]);
    const background = [...new Set(attempts.filter((attempt) => !attempt.byApp && !isCanary(attempt.target)).map((attempt) => attempt.target.replace(/[?#].*$/, '')))];
    console.log(
      `[e2e offline] workflow ${seconds.toFixed(1)} s; ${urls.length} requests seen, ${local.size} distinct app paths (${cMaps.length} cMaps, ${standardFonts.length} standard fonts); ` +
        `guard: ${threads.size} threads, ${entries.filter((entry) => entry.event === 'allowed').length} loopback calls, 0 refused` +
        (background.length ? `; chromium's own background traffic (blocked by the resolver rules): ${background.slice(0, 6).join(', ')}` : ''),
    );
  });

  it('ships a renderer that names nothing outside itself (HTML, CSS)', () => {
    const dir = join(ROOT, 'out/renderer');
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const references = [...html.matchAll(/\b(?:src|href)\s*=\s*"([^"]*)"/g)].map((match) => match[1]);
    expect(references.length).toBeGreaterThan(1);
    expect(references.filter((reference) => !/^(\.\/|data:)/.test(reference))).toEqual([]);
    expect(html).toMatch(/connect-src 'self'/);
    for (const file of readdirSync(join(dir, 'assets')).filter((name) => name.endsWith('.css'))) {
      const css = readFileSync(join(dir, 'assets', file), 'utf8');
      const urls = [...css.matchAll(/url\(\s*["']?([^"')]+)/g)].map((match) => match[1]);
      expect(urls.filter((url) => /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url) && !url.startsWith('data:')), file).toEqual([]);
      expect(css, file).not.toMatch(/@import\s+(url\()?["']?(https?:)?\/\//);
    }
  });
});
