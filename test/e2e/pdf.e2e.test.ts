/**
 * The PDF original: pdf.js's viewer components render the report, a cell's `source.box` (PDF user space) is
 * drawn over its page, and clicking a number on the page selects its cell. While the main side cannot read
 * PDFs yet, its answers for this document are completed here with two cells whose boxes were measured with
 * `pdftotext -bbox` on page 3 of d02_lo.pdf; the PDF bytes themselves come from the real bridge.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureRendererBuilt, makeTempDir, startServe, type Served, tearDown } from './helpers/serve';
import { SCREENSHOT_DIR, VIEWPORTS, foreignRequests, launchChromium, openPage, screenshot } from './helpers/browser';

const PAGE_HEIGHT = 841.889764;
/** pdftotext -bbox gives top-left boxes (y down); PDF user space has y up. */
const userBox = (x0: number, top: number, x1: number, bottom: number): [number, number, number, number] => [x0, PAGE_HEIGHT - bottom, x1, PAGE_HEIGHT - top];
const MEASURED_CELLS = {
  'table3.granted.naturalPerson': { raw: '93', box: userBox(289.7, 427.15, 300.7, 441.45) },
  'table3.granted.total': { raw: '120', box: userBox(496.1, 427.15, 512.6, 441.45) },
};

let served: Served;
let browser: Browser;
let pdfId: string;
let stubbed = false;
let workDir: string;

async function openPdf(page: Page, pdfPath: string): Promise<{ id: string; status: string }> {
  return page.evaluate(async (path) => {
    const token = sessionStorage.getItem('nianbao.token')!;
    const response = await fetch('/api/openPaths', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': token }, body: JSON.stringify({ paths: [path] }) });
    return (await response.json()).documents[0];
  }, pdfPath);
}

/** Completes the main side's answers for the PDF while its reader is not there yet. */
async function stubPdfAnswers(page: Page): Promise<void> {
  await page.route('**/api/getOriginal', async (route: Route) => {
    if (route.request().postDataJSON().id !== pdfId) return route.continue();
    await route.fulfill({ json: { kind: 'pdf', pageCount: 5 } });
  });
  await page.route('**/api/getReview', async (route: Route) => {
    const response = await route.fetch();
    const review = await response.json();
    if (review.summary?.id === pdfId && Object.keys(review.cells).length === 0) {
      review.summary = { ...review.summary, status: 'checked', error: null };
      for (const [id, { raw, box }] of Object.entries(MEASURED_CELLS)) {
        review.cells[id] = { id, status: 'ok', value: Number(raw), raw, source: { kind: 'pdf', page: 3, box } };
      }
    }
    await route.fulfill({ response, json: review });
  });
}

beforeAll(async () => {
  ensureRendererBuilt();
  workDir = makeTempDir('nianbao-e2e-pdf-');
  const pdfPath = join(workDir, 'd02_lo.pdf');
  copyFileSync(join(ROOT, 'test/fixtures/corpus/d02_lo.pdf'), pdfPath);
  mkdirSync(join(workDir, 'data'));
  served = await startServe([], join(workDir, 'data'));
  browser = await launchChromium();
  const { page } = await openPage(browser, VIEWPORTS.small);
  await page.goto(served.url);
  const opened = await openPdf(page, pdfPath);
  pdfId = opened.id;
  stubbed = opened.status !== 'checked';
  await page.close();
});

afterAll(() => tearDown(browser, served, workDir));

describe('PDF original (pdf.js viewer)', () => {
  it('renders the 5-page report, boxes a selected cell on its page, and selects a cell from a click on the page', async () => {
    const { page, requests, pageErrors } = await openPage(browser, VIEWPORTS.small);
    if (stubbed) await stubPdfAnswers(page);
    await page.goto(served.url);
    await page.goto('about:blank');
    const started = Date.now();
    await page.goto(`${served.url}#/review/${pdfId}`);
    await page.waitForSelector('[data-original-ready="true"]', { timeout: 20_000 });
    await page.waitForSelector('[data-testid="tables"] td[data-cell-id]', { state: 'visible' });
    const millis = Date.now() - started;
    console.log(`[e2e] open time, PDF d02_lo.pdf (5 pages${stubbed ? ', main-side PDF answers stubbed' : ''}): ${millis} ms`);
    expect(millis).toBeLessThan(5_000);
    expect(await page.locator('.pdfViewer .page').count()).toBe(5);

    await page.locator('[data-testid="tables"] td[data-cell-id="table3.granted.naturalPerson"]').click();
    const mark = page.locator('.page[data-page-number="3"] .pdf-mark.is-focus');
    await mark.waitFor();
    await page.waitForSelector('.page[data-page-number="3"] .textLayer span');
    await page.waitForTimeout(800); // the smooth scroll to the mark
    // Both measured in one go, so a scroll in between cannot skew them.
    const { mark: markBox, number: centre } = await page.evaluate(() => {
      const pageDiv = document.querySelector('.page[data-page-number="3"]')!;
      const markRect = pageDiv.querySelector('.pdf-mark.is-focus')!.getBoundingClientRect();
      const span = [...pageDiv.querySelectorAll('.textLayer span')].find((node) => node.textContent?.trim() === '93')!;
      const spanRect = span.getBoundingClientRect();
      return { mark: { x: markRect.x, y: markRect.y, width: markRect.width, height: markRect.height }, number: { x: spanRect.x + spanRect.width / 2, y: spanRect.y + spanRect.height / 2 } };
    });
    expect(centre.x).toBeGreaterThan(markBox.x);
    expect(centre.x).toBeLessThan(markBox.x + markBox.width);
    expect(centre.y).toBeGreaterThan(markBox.y);
    expect(centre.y).toBeLessThan(markBox.y + markBox.height);
    await screenshot(page, 'review-pdf');
    const pageRect = (await page.locator('.page[data-page-number="3"]').boundingBox())!;
    const clip = { x: markBox.x - 60, y: markBox.y - 30, width: 160, height: 80 };
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'review-pdf-mark-closeup.png'), clip });
    expect(pageRect.width).toBeGreaterThan(300);

    await page.locator('.page[data-page-number="3"] .textLayer span', { hasText: /^120$/ }).first().click();
    await expect.poll(() => page.locator('[data-testid="tables"] td[data-cell-id="table3.granted.total"]').getAttribute('class')).toContain('is-focus');

    expect(pageErrors).toEqual([]);
    expect(foreignRequests(requests)).toEqual([]);
    await page.close();
  });

  it('boxes a cell on a page drawn a quarter turn round and shown upright by /Rotate', async () => {
    const rotatedPath = join(workDir, 'd05_rotated.pdf');
    copyFileSync(join(ROOT, 'test/fixtures/transformed/d05_rotated.pdf'), rotatedPath);
    const { page, requests, pageErrors } = await openPage(browser, VIEWPORTS.small);
    await page.goto(served.url);
    const { id, status } = await openPdf(page, rotatedPath);
    expect(status).toBe('checked');
    await page.goto(`${served.url}#/review/${id}`);
    await page.waitForSelector('[data-original-ready="true"]', { timeout: 20_000 });
    await page.locator('[data-testid="tables"] td[data-cell-id="table2.licensing"]').click();
    await page.locator('.pdf-mark.is-focus').waitFor();
    await page.waitForSelector('.page .textLayer span');
    await page.waitForTimeout(800);
    await screenshot(page, 'review-pdf-rotated');
    const { mark, numbers } = await page.evaluate(() => {
      const markRect = document.querySelector('.pdf-mark.is-focus')!.getBoundingClientRect();
      const spans = [...document.querySelectorAll('.textLayer span')].filter((node) => node.textContent?.trim() === '32');
      const centres = spans.map((node) => node.getBoundingClientRect()).filter((rect) => rect.width > 0).map((rect) => ({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }));
      return { mark: { x: markRect.x, y: markRect.y, width: markRect.width, height: markRect.height }, numbers: centres };
    });
    expect(mark.height).toBeLessThan(mark.width); // upright on screen, as the row reads
    const inside = numbers.filter(({ x, y }) => x > mark.x && x < mark.x + mark.width && y > mark.y && y < mark.y + mark.height);
    expect(inside).toHaveLength(1);
    expect(pageErrors).toEqual([]);
    expect(foreignRequests(requests)).toEqual([]);
    await page.close();
  });
});
