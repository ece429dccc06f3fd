/**
 * The batch dashboard end to end: a folder of ten corpus reports opened from the start page's path box, the
 * dashboard filling in with progress, filters kept across a review, the Excel export, the settings page, and
 * no request leaving 127.0.0.1. Screenshots of the dashboard and settings at both viewport sizes.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORTS, foreignRequests, launchChromium, openPage, screenshot, type RecordedPage } from './helpers/browser';
import { ROOT, ensureRendererBuilt, makeTempDir, startServe, type Served } from './helpers/serve';

const FILES = ['d19_docx.docx', 'd22_docx.docx', 'd15_docx.docx', 'd16_docx.docx', 'd02_docx.docx', 'd10_docx.docx', 'd17_docx.docx', 'd12_lo.pdf', 'd14_lo.pdf', 'd05_chrome.pdf'];

let served: Served;
let browser: Browser;
let workDir: string;
let reportsDir: string;
const allRequests: string[] = [];

function track(recorded: RecordedPage): RecordedPage {
  recorded.page.on('request', (request) => allRequests.push(request.url()));
  return recorded;
}

async function waitBatchFinished(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="batch-progress"][data-finished="true"]', { timeout: 90_000 });
}

async function openDashboard(page: Page): Promise<void> {
  await page.goto(`${served.url}#/list`);
  await page.waitForSelector('[data-testid="document-list"] .doc-row');
}

beforeAll(async () => {
  ensureRendererBuilt();
  workDir = makeTempDir('nianbao-dash-e2e-');
  reportsDir = join(workDir, '年报 2023');
  mkdirSync(reportsDir);
  for (const file of FILES) copyFileSync(join(ROOT, 'test/fixtures/corpus', file), join(reportsDir, file));
  const dataDir = join(workDir, 'data');
  mkdirSync(dataDir);
  served = await startServe([], dataDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('batch dashboard (browser transport)', () => {
  it('opens a folder from the path box and fills the dashboard with progress', async () => {
    const { page, pageErrors } = track(await openPage(browser, VIEWPORTS.small));
    await page.goto(served.url);
    await page.locator('#path-input').fill(reportsDir);
    await page.getByRole('button', { name: '打开', exact: true }).click();
    await page.waitForURL(/#\/list/);
    await page.waitForSelector('[data-testid="batch-progress"]');
    expect(await page.locator('.doc-row').count()).toBe(FILES.length);
    await waitBatchFinished(page);
    await page.waitForFunction(() => document.querySelectorAll('.doc-row[data-status="pending"]').length === 0);
    expect(await page.locator('[data-testid="batch-progress"]').textContent()).toContain(`检查完成：共 ${FILES.length} 份`);
    const summary = await page.locator('[data-testid="batch-summary"]').textContent();
    expect(summary).toContain(`共 ${FILES.length} 份`);
    await page.waitForSelector('[data-testid="chart-rules"] rect');
    await page.waitForSelector('[data-testid="chart-years"] rect');
    await screenshot(page, 'dashboard');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('filters to errors, opens one, and comes back with the filter still on', async () => {
    const { page } = track(await openPage(browser, VIEWPORTS.small));
    await openDashboard(page);
    await page.getByLabel('只看有错误的').check();
    const rows = page.locator('.doc-row');
    const shown = await rows.count();
    expect(shown).toBeGreaterThanOrEqual(2);
    expect(shown).toBeLessThan(FILES.length);
    for (const name of ['d19_docx.docx', 'd22_docx.docx']) expect(await page.locator('.doc-row', { hasText: name }).count()).toBe(1);
    await page.locator('.doc-row', { hasText: 'd19_docx.docx' }).click();
    await page.waitForURL(/#\/review\//);
    await page.waitForSelector('[data-testid="tables"] td[data-cell-id]');
    await page.getByRole('tab', { name: '关联报告' }).click();
    await page.waitForSelector('.links-panel');
    await screenshot(page, 'review-links');
    await page.getByRole('button', { name: '← 文件列表' }).click();
    await page.waitForURL(/#\/list/);
    await page.waitForSelector('.doc-row');
    expect(await page.getByLabel('只看有错误的').isChecked()).toBe(true);
    expect(await rows.count()).toBe(shown);
    await page.locator('.th-sort', { hasText: '错误' }).click();
    await page.locator('.th-sort', { hasText: '错误' }).click();
    const first = Number(await page.locator('.doc-row >> nth=0 >> td >> nth=5').textContent());
    const last = Number(await page.locator(`.doc-row >> nth=${shown - 1} >> td >> nth=5`).textContent());
    expect(first).toBeGreaterThanOrEqual(last);
    await screenshot(page, 'dashboard-errors');
    await page.getByLabel('只看有错误的').uncheck();
    await page.close();
  });

  it('exports the workbook into the data folder, offered for download', async () => {
    const { page } = track(await openPage(browser, VIEWPORTS.small));
    await openDashboard(page);
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const message = await page.locator('[data-testid="export-path"]').textContent({ timeout: 30_000 });
    const path = message!.replace(/^已导出到：/, '').trim();
    expect(path.startsWith(join(served.dataDir, 'exports'))).toBe(true);
    expect(existsSync(path)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '问题清单', '数据汇总']);
    expect(workbook.getWorksheet('汇总')!.rowCount).toBe(FILES.length + 1);
    const href = await page.locator('[data-testid="export-download"]').getAttribute('href');
    const download = await fetch(new URL(href!, served.origin));
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(readFileSync(path))).toBe(true);
    await page.close();
  });

  it('shows and saves the settings', async () => {
    for (const viewport of [VIEWPORTS.large, VIEWPORTS.small]) {
      const { page } = track(await openPage(browser, viewport));
      await openDashboard(page);
      await page.waitForSelector('[data-testid="chart-rules"] rect');
      if (viewport === VIEWPORTS.large) await screenshot(page, 'dashboard');
      await page.goto(`${served.url}#/settings`);
      await page.waitForSelector('[data-testid="rules-table"] tbody tr');
      await screenshot(page, 'settings');
      await page.close();
    }
    const { page } = track(await openPage(browser, VIEWPORTS.small));
    await page.goto(`${served.url}#/settings`);
    await page.getByLabel('审核机关名称').fill('临川市政务公开办');
    await page.getByLabel('启用：表三办理结果合计不符').uncheck();
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.waitForSelector('[data-testid="settings-saved"]');
    const saved = JSON.parse(readFileSync(join(served.dataDir, 'settings.json'), 'utf8'));
    expect(saved.office).toBe('临川市政务公开办');
    await page.close();
  });

  it('sent no request beyond 127.0.0.1', () => {
    expect(allRequests.length).toBeGreaterThan(10);
    expect(foreignRequests(allRequests)).toEqual([]);
  });
});
