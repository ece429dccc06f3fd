/**
 * The review workspace end to end: the real `npm run serve` bridge, the built renderer, Debian's chromium.
 * Opens the sample, checks the table-3 error of d19 in the grid and the original, annotates, reloads, prints
 * the sheet to PDF, and checks that no request left 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureRendererBuilt, makeTempDir, startServe, type Served, tearDown } from './helpers/serve';
import { SCREENSHOT_DIR, VIEWPORTS, foreignRequests, launchChromium, openPage, screenshot, type RecordedPage } from './helpers/browser';

const ROOT_CAUSE = 'table3.granted.naturalPerson';
const FINDING_NOTE = '自然人一栏疑为录入错误，已电话核实';
const CELL_NOTE = '经与报送单位核对，予以公开自然人应为93件';

let served: Served;
let browser: Browser;
let workDir: string;
let docxPath: string;
const allRequests: string[] = [];

async function waitSaved(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="save-state"][data-status="saved"]', { timeout: 10_000 });
}

async function openReviewOf(page: Page, name: string): Promise<string> {
  await page.goto(`${served.url}#/list`);
  const row = page.locator('.doc-row', { hasText: name });
  await row.waitFor();
  const id = (await row.getAttribute('data-doc-id'))!;
  await row.click();
  await page.waitForSelector('[data-testid="tables"] td[data-cell-id]');
  return id;
}

function track(recorded: RecordedPage): RecordedPage {
  recorded.page.on('request', (request) => allRequests.push(request.url()));
  return recorded;
}

beforeAll(async () => {
  ensureRendererBuilt();
  workDir = makeTempDir('nianbao-e2e-');
  docxPath = join(workDir, 'd19_docx.docx');
  copyFileSync(join(ROOT, 'test/fixtures/corpus/d19_docx.docx'), docxPath);
  const dataDir = join(workDir, 'data');
  mkdirSync(dataDir);
  served = await startServe([docxPath], dataDir);
  browser = await launchChromium();
});

afterAll(() => tearDown(browser, served, workDir));

describe('review workspace (browser transport)', () => {
  it('opens the sample from the start page and shows its tables', async () => {
    const { page, pageErrors } = track(await openPage(browser, VIEWPORTS.small));
    await page.goto(served.url);
    await page.getByRole('button', { name: '打开示例报告' }).waitFor();
    await screenshot(page, 'start');
    await page.getByRole('button', { name: '打开示例报告' }).click();
    await page.waitForURL(/#\/review\//);
    await page.waitForSelector('[data-testid="tables"] td[data-cell-id]');
    await page.waitForSelector('[data-original-ready="true"]');
    expect(await page.locator('.doc-name').textContent()).toContain('临川市');
    await page.goto(`${served.url}#/list`);
    await page.waitForSelector('[data-testid="document-list"] .doc-row >> nth=1');
    await screenshot(page, 'list');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('highlights the table-3 error in the grid, and the finding in the original', async () => {
    const { page } = track(await openPage(browser, VIEWPORTS.small));
    await openReviewOf(page, 'd19_docx.docx');
    const gridCell = (id: string) => page.locator(`[data-testid="tables"] td[data-cell-id="${id}"]`);
    await expect.poll(() => gridCell(ROOT_CAUSE).getAttribute('class')).toContain('sev-error');
    expect(await gridCell('table3.granted.total').getAttribute('class')).toContain('sev-error');
    expect(await gridCell('table3.resultTotal.naturalPerson').getAttribute('class')).toContain('sev-error');
    expect(await gridCell('table3.newReceived.total').getAttribute('class')).not.toContain('sev-');

    const group = page.locator(`[data-root-cause="${ROOT_CAUSE}"]`);
    expect(await group.locator('.finding').count()).toBe(2);
    await page.waitForSelector('[data-original-ready="true"]');
    await group.locator('[data-rule="T3-ROW-SUM"]').click();
    const wordCell = page.locator(`.word-page td[data-cell-id="${ROOT_CAUSE}"]`);
    await expect.poll(() => wordCell.getAttribute('class')).toContain('is-focus');
    expect(await page.locator('.word-page td.is-focus').count()).toBe(2);
    expect(await gridCell(ROOT_CAUSE).getAttribute('class')).toContain('is-focus');
    await page.waitForTimeout(600);
    await screenshot(page, 'review-finding');

    await page.keyboard.press('j');
    await expect.poll(() => page.locator('.finding.is-selected').getAttribute('data-rule')).toBe('T3-COL-SUM');

    // Clicking a number in the original selects its cell.
    await page.locator('.word-page td[data-cell-id="table3.newReceived.total"]').click();
    await expect.poll(() => gridCell('table3.newReceived.total').getAttribute('class')).toContain('is-focus');
    expect(await page.locator('[data-testid="cell-panel"] .panel-title').textContent()).toContain('一、本年新收');
    await page.close();
  });

  it('keeps a finding note, a cell note and a correction across a reload, in the sidecar beside the file', async () => {
    const { page } = track(await openPage(browser, VIEWPORTS.small));
    await openReviewOf(page, 'd19_docx.docx');
    const finding = page.locator('.finding[data-rule="T3-ROW-SUM"]');
    await finding.getByRole('button', { name: '+ 添加备注' }).click();
    await finding.locator('textarea').fill(FINDING_NOTE);
    await finding.getByRole('button', { name: '确认问题' }).click();
    await waitSaved(page);

    await page.locator(`[data-testid="tables"] td[data-cell-id="${ROOT_CAUSE}"]`).click();
    await page.locator('#cell-note').fill(CELL_NOTE);
    await page.locator('#correction-value').fill('93');
    await page.locator('#correction-reason').fill('原件核对');
    await page.getByRole('button', { name: '应用更正并重新校验' }).click();
    await waitSaved(page);
    // The rules ran again on the corrected value: both sums agree now.
    await expect.poll(() => page.locator('.tabs .tab').first().textContent()).toBe('问题清单（0）');

    await page.reload();
    await page.waitForSelector('[data-testid="tables"] td[data-cell-id]');
    const cell = page.locator(`[data-testid="tables"] td[data-cell-id="${ROOT_CAUSE}"]`);
    expect(await cell.getAttribute('class')).toContain('is-corrected');
    expect(await cell.textContent()).toContain('93');
    await cell.click();
    expect(await page.locator('#cell-note').inputValue()).toBe(CELL_NOTE);
    expect(await page.locator('.correction-record').textContent()).toContain('94');

    const sidecar = JSON.parse(readFileSync(`${docxPath}.review.json`, 'utf8'));
    const rowSumKey = Object.keys(sidecar.findings).find((key) => key.startsWith('T3-ROW-SUM'))!;
    expect(sidecar.findings[rowSumKey]).toMatchObject({ decision: 'confirmed', note: FINDING_NOTE });
    expect(sidecar.cellNotes[ROOT_CAUSE]).toBe(CELL_NOTE);
    expect(sidecar.corrections[ROOT_CAUSE]).toMatchObject({ value: 93, originalValue: 94, originalRaw: '94', note: '原件核对' });

    await page.getByRole('tab', { name: /审核结论/ }).click();
    await page.getByRole('radio', { name: /需整改/ }).click();
    await page.locator('#verdict-comment').fill('表三数据需更正后重新公开');
    await page.locator('#verdict-reviewer').fill('张三');
    await waitSaved(page);
    await page.close();
  });

  it('prints the notes sheet (A4) with the notes, correction and verdict', async () => {
    const { page } = track(await openPage(browser, VIEWPORTS.small));
    const id = await openReviewOf(page, 'd19_docx.docx');
    await page.goto(`${served.url}#/sheet/${id}`);
    await page.waitForSelector('[data-sheet-ready]');
    await screenshot(page, 'sheet');
    const pdfPath = join(SCREENSHOT_DIR, 'sheet.pdf');
    writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(CELL_NOTE);
    expect(flat).toContain(FINDING_NOTE.replace(/\s+/g, ''));
    expect(flat).toContain('原件核对');
    expect(flat).toContain('审核意见单');
    expect(flat).toContain('需整改');
    expect(flat).toContain('张三');
    expect(flat).toContain('审核人签字');
    expect(flat).toMatch(/第1页\/共\d+页/);
    await page.close();
  });

  it('takes the screens at 1920×1080 as well', async () => {
    const { page } = track(await openPage(browser, VIEWPORTS.large));
    await page.goto(served.url);
    await page.getByRole('button', { name: '打开示例报告' }).waitFor();
    await screenshot(page, 'start');
    await page.goto(`${served.url}#/list`);
    await page.waitForSelector('[data-testid="document-list"] .doc-row');
    await screenshot(page, 'list');
    const id = await openReviewOf(page, '示例');
    await page.waitForSelector('[data-original-ready="true"]');
    const rowSum = page.locator('.finding[data-rule="T3-ROW-SUM"]');
    if (await rowSum.count()) await rowSum.click();
    await page.waitForTimeout(600);
    await screenshot(page, 'review-finding');
    await page.goto(`${served.url}#/sheet/${id}`);
    await page.waitForSelector('[data-sheet-ready]');
    await screenshot(page, 'sheet');
    await page.close();
  });

  it('opens a 5-page report fast enough (navigation to first page of the original and the tables)', async () => {
    const pdfFixture = join(ROOT, 'test/fixtures/corpus/d02_lo.pdf');
    const { page } = track(await openPage(browser, VIEWPORTS.small));
    let id = await openReviewOf(page, '示例');
    let kind = 'Word (sample)';
    if (existsSync(pdfFixture)) {
      const pdfCopy = join(workDir, 'd02_lo.pdf');
      copyFileSync(pdfFixture, pdfCopy);
      const opened = await page.evaluate(async (path) => {
        const token = sessionStorage.getItem('nianbao.token')!;
        const response = await fetch('/api/openPaths', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': token }, body: JSON.stringify({ paths: [path] }) });
        return (await response.json()).documents[0] as { id: string; status: string };
      }, pdfCopy);
      if (opened.status === 'checked') {
        id = opened.id;
        kind = 'PDF d02_lo.pdf (5 pages)';
      }
    }
    await page.goto('about:blank');
    const started = Date.now();
    await page.goto(`${served.url}#/review/${id}`);
    await page.waitForSelector('[data-original-ready="true"]', { timeout: 20_000 });
    await page.waitForSelector('[data-testid="tables"] td[data-cell-id]', { state: 'visible' });
    const millis = Date.now() - started;
    console.log(`[e2e] open time, ${kind}: ${millis} ms (navigation → first page of the original and the tables visible)`);
    expect(millis).toBeLessThan(5_000);
    await page.close();
  });

  it('sent no request outside 127.0.0.1', () => {
    expect(allRequests.length).toBeGreaterThan(10);
    expect(foreignRequests(allRequests)).toEqual([]);
  });
});
