/**
 * `npm run icons`: the app icon at every size the installers need, from build/icon.svg (64 px and up) and
 * build/icon-small.svg (16–48 px: fewer, bolder shapes that stay legible). Chromium rasterises the SVG
 * (playwright-core drives the installed browser: CHROMIUM_PATH, or /usr/bin/chromium); the .ico and .icns
 * containers are written by test/tools/icon-files.ts. The outputs are committed; run this after editing an SVG.
 *
 *   build/icon.png               1024 px (electron-builder's fallback icon)
 *   build/icons/<n>x<n>.png      16 … 512 px (Linux hicolor icon theme, deb and AppImage)
 *   build/icon.ico               16 … 256 px, PNG-compressed (Windows exe, installer, shortcuts)
 *   build/icon.icns              16 … 1024 px, PNG elements (macOS; no macOS target is built yet)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ICNS_SIZES, ICO_SIZES, LINUX_SIZES, encodeIcns, encodeIco, readPngInfo } from './icon-files';

const BUILD = resolve(import.meta.dirname, '..', '..', 'build');
/** At and below this size the simplified drawing is used. */
const SMALL_UP_TO = 48;

function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error('No Chromium found: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
  return found;
}

async function main(): Promise<void> {
  const sources = { large: readFileSync(join(BUILD, 'icon.svg')), small: readFileSync(join(BUILD, 'icon-small.svg')) };
  const browser = await chromium.launch({ executablePath: chromiumPath() });
  const rendered = new Map<number, Uint8Array>();
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_SIZES])].sort((a, b) => a - b)) {
      const svg = size <= SMALL_UP_TO ? sources.small : sources.large;
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">` +
          `<img id="icon" style="display:block;width:${size}px;height:${size}px" src="data:image/svg+xml;base64,${svg.toString('base64')}">` +
          `</body></html>`,
      );
      await page.waitForFunction(() => (document.getElementById('icon') as HTMLImageElement).complete);
      const png = new Uint8Array(await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
      const info = readPngInfo(png);
      if (info.width !== size || info.height !== size) throw new Error(`rendered ${info.width}x${info.height} for ${size}`);
      rendered.set(size, png);
    }
  } finally {
    await browser.close();
  }
  const at = (size: number) => rendered.get(size)!;
  mkdirSync(join(BUILD, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) writeFileSync(join(BUILD, 'icons', `${size}x${size}.png`), at(size));
  writeFileSync(join(BUILD, 'icon.png'), at(1024));
  writeFileSync(join(BUILD, 'icon.ico'), encodeIco(ICO_SIZES.map(at)));
  writeFileSync(join(BUILD, 'icon.icns'), encodeIcns(ICNS_SIZES.map(at)));
  process.stdout.write(`icons written to ${BUILD}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
