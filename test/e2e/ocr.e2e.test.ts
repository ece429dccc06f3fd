/**
 * OCR of a scanned report, end to end: the real `serve` bridge (under the network guard), the built renderer,
 * Debian's chromium. d09_scan.pdf opens as a scan (NO-TEXT-LAYER, no values); the reviewer clicks
 * 识别扫描件（OCR）, sees the progress, then the banner and the values marked OCR; confirms one value, and the
 * count of unchecked values goes down (saved in the sidecar). d08_pictures.pdf, whose tables were pasted as
 * pictures, offers 识别表格图片（OCR） and reads them. Screenshots at 1366×768 and 1920×1080.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outgoingAttempts, readGuardLog } from './helpers/network-guard-log';
import { ROOT, ensureRendererBuilt, makeTempDir, startServe, type Served, tearDown } from './helpers/serve';
import { VIEWPORTS, foreignRequests, launchChromium, openPage, screenshot } from './helpers/browser';

let served: Served;
let browser: Browser;
let workDir: string;
let pdfPath: string;
let guardLog: string;

async function openReview(page: Page, name = 'd09_scan.pdf'): Promise<void> {
  await page.goto(`${served.url}#/list`);
  const row = page.locator('.doc-row', { hasText: name });
  await row.waitFor();
  await row.click();
  await page.waitForSelector('[data-testid="tables"] td[data-cell-id]');
}

beforeAll(async () => {
  ensureRendererBuilt();
  workDir = makeTempDir('nianbao-e2e-ocr-');
  pdfPath = join(workDir, 'd09_scan.pdf');
  copyFileSync(join(ROOT, 'test/fixtures/corpus/d09_scan.pdf'), pdfPath);
  const picturesPath = join(workDir, 'd08_pictures.pdf');
  copyFileSync(join(ROOT, 'test/fixtures/pictures/d08_pictures.pdf'), picturesPath);
  mkdirSync(join(workDir, 'data'));
  guardLog = join(workDir, 'network-guard.jsonl');
  served = await startServe([pdfPath, picturesPath], join(workDir, 'data'), { networkGuardLog: guardLog });
  browser = await launchChromium();
});

afterAll(() => tearDown(browser, served, workDir));

describe('OCR of a scanned report (browser transport)', () => {
  it('offers OCR on the scan, reads it with progress, and marks every value as OCR', async () => {
    const { page, requests, pageErrors } = await openPage(browser, VIEWPORTS.small);
    await openReview(page);
    const offer = page.getByTestId('ocr-offer');
    await offer.waitFor();
    expect(await offer.textContent()).toContain('须对照原件逐项核对');
    expect(await page.locator('[data-ocr-mark]').count()).toBe(0);
    await page.waitForSelector('[data-original-ready="true"]');
    await screenshot(page, 'ocr-offer');

    await page.getByRole('button', { name: '识别扫描件（OCR）' }).click();
    await page.getByTestId('ocr-progress').waitFor();
    await screenshot(page, 'ocr-progress');
    const banner = page.getByTestId('ocr-banner');
    await banner.waitFor({ timeout: 110_000 });
    expect(await banner.textContent()).toContain('本报告数值由文字识别（OCR）读取，未经核对，请逐项对照原件确认');
    expect(await page.locator('[data-ocr-mark]').count()).toBeGreaterThan(150);
    expect(await page.locator('[data-cell-id="table2.licensing"]').textContent()).toContain('2165');
    await screenshot(page, 'ocr-read');

    // The reviewer checks a value against the original and confirms it: one unchecked value fewer, saved.
    const before = await page.getByTestId('ocr-unchecked').textContent();
    await page.locator('[data-cell-id="table2.licensing"]').click();
    await page.getByTestId('ocr-confirm').click();
    await page.waitForSelector('[data-testid="save-state"][data-status="saved"]', { timeout: 10_000 });
    await page.waitForFunction((text) => document.querySelector('[data-testid="ocr-unchecked"]')?.textContent !== text, before);
    const count = (text: string | null) => Number(/尚有 (\d+)/.exec(text ?? '')?.[1]);
    expect(count(await page.getByTestId('ocr-unchecked').textContent())).toBe(count(before) - 1);
    expect(await page.locator('[data-cell-id="table2.licensing"] .checked-mark').count()).toBe(1);
    await screenshot(page, 'ocr-confirmed');
    const sidecar = `${pdfPath}.review.json`;
    expect(existsSync(sidecar)).toBe(true);
    expect(JSON.parse(readFileSync(sidecar, 'utf8')).corrections['table2.licensing']).toMatchObject({ value: 2165, originalValue: 2165 });

    // Findings resting on OCR values say so; NO-TEXT-LAYER says the values were read by OCR.
    const findingsText = await page.locator('.side-panel').textContent();
    expect(findingsText).toContain('OCR');
    expect(pageErrors).toEqual([]);
    expect(foreignRequests(requests)).toEqual([]);
    await page.close();
  });

  it('shows the OCR values on the large screen and on the notes sheet', async () => {
    const { page } = await openPage(browser, VIEWPORTS.large);
    await openReview(page);
    await page.getByTestId('ocr-banner').waitFor();
    await page.waitForSelector('[data-original-ready="true"]');
    await screenshot(page, 'ocr-read');
    const id = new URL(page.url()).hash.split('/').pop();
    await page.goto(`${served.url}#/sheet/${id}`);
    await page.getByTestId('sheet-ocr-note').waitFor();
    expect(await page.getByTestId('sheet-ocr-note').textContent()).toContain('文字识别（OCR）');
    await screenshot(page, 'ocr-sheet');
    await page.close();
  });

  it('offers OCR for tables pasted as pictures into a PDF with text, and reads them', async () => {
    const { page, pageErrors } = await openPage(browser, VIEWPORTS.small);
    await openReview(page, 'd08_pictures.pdf');
    const offer = page.getByTestId('ocr-offer');
    await offer.waitFor();
    expect(await offer.textContent()).toContain('统计表是粘贴的图片');
    expect(await page.locator('.side-panel').textContent()).toContain('是图片（第 3 页）');
    await page.waitForSelector('[data-original-ready="true"]');
    await screenshot(page, 'ocr-pictures-offer');

    await page.getByRole('button', { name: '识别表格图片（OCR）' }).click();
    await page.getByTestId('ocr-banner').waitFor({ timeout: 110_000 });
    expect(await page.locator('[data-ocr-mark]').count()).toBeGreaterThan(150);
    expect(await page.locator('[data-cell-id="table3.newReceived.total"]').textContent()).toContain('10');
    expect(await page.locator('.side-panel').textContent()).not.toContain('是图片');
    await screenshot(page, 'ocr-pictures-read');
    expect(pageErrors).toEqual([]);
    await page.close();

    const large = await openPage(browser, VIEWPORTS.large);
    await openReview(large.page, 'd08_pictures.pdf');
    await large.page.getByTestId('ocr-banner').waitFor();
    await large.page.waitForSelector('[data-original-ready="true"]');
    await screenshot(large.page, 'ocr-pictures-read');
    await large.page.close();
  });

  it('left 127.0.0.1 not once, OCR workers included', () => {
    const entries = readGuardLog(guardLog);
    expect(outgoingAttempts(entries)).toEqual([]);
    expect(entries.filter((entry) => entry.event === 'self-test').every((entry) => entry.ok)).toBe(true);
  });
});
