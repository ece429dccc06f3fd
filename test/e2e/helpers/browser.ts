/** Debian's chromium through playwright-core, with every request recorded (nothing may leave 127.0.0.1). */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './serve';

export const SCREENSHOT_DIR = join(ROOT, 'test/.output/screenshots');

export const VIEWPORTS = {
  small: { width: 1366, height: 768 },
  large: { width: 1920, height: 1080 },
} as const;

/**
 * Chromium's resolver answers nothing but 127.0.0.1: a request, preconnect or DNS prefetch to any other host
 * fails (net::ERR_NAME_NOT_RESOLVED) instead of leaving the machine, and is seen as a failed request.
 */
export const OFFLINE_RESOLVER_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
  });
}

export interface RecordedPage {
  page: Page;
  requests: string[];
  pageErrors: string[];
}

export async function openPage(browser: Browser, viewport: { width: number; height: number }): Promise<RecordedPage> {
  const page = await browser.newPage({ viewport });
  const requests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { page, requests, pageErrors };
}

/** Hosts of the recorded requests that are not the loopback bridge (data: and blob: URLs have none). */
export function foreignRequests(requests: string[]): string[] {
  return requests.filter((url) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
    return parsed.hostname !== '127.0.0.1';
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const viewport = page.viewportSize();
  const path = join(SCREENSHOT_DIR, `${name}-${viewport?.width}x${viewport?.height}.png`);
  await page.screenshot({ path });
  return path;
}
