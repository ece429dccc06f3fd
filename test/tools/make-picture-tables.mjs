/**
 * Makes test/fixtures/pictures/*_pictures.pdf: a dev-corpus report whose three statistics tables were pasted as
 * pictures (screenshots of the tables, as agencies paste them from a spreadsheet), printed to PDF by Chromium.
 * Its text layer holds the prose and the headings, not one value of a table.
 *
 *   node test/tools/make-picture-tables.mjs <report.docx> <out.pdf>
 *
 * Needs chromium (/usr/bin/chromium) and the dev dependencies (mammoth, playwright-core).
 */
import { writeFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { chromium } from 'playwright-core';

const [source, target] = process.argv.slice(2);
const { value: body } = await mammoth.convertToHtml({ path: source });
const style = `body{font-family:serif;font-size:12pt;margin:2cm;width:170mm} p{margin:0.3em 0}
  table{border-collapse:collapse;font-size:10pt;background:#fff} td,th{border:1px solid #000;padding:2px 5px;text-align:center}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  // Two device pixels to the CSS pixel: about 190 dpi once printed (a screenshot taken on a high-density screen).
  const page = await browser.newPage({ deviceScaleFactor: 2 });
  await page.setContent(`<html><head><meta charset="utf-8"><style>${style}</style></head><body>${body}</body></html>`);
  const tables = await page.$$('table');
  for (const table of tables) {
    const png = await table.screenshot({ type: 'png' });
    // A picture taller than a page is shrunk to fit one, as a word processor shrinks it.
    const width = await table.evaluate((element) => {
      const { width: cssWidth, height } = element.getBoundingClientRect();
      return cssWidth * Math.min(1, 880 / height);
    });
    await table.evaluate((element, [data, cssWidth]) => {
      const picture = document.createElement('img');
      picture.src = `data:image/png;base64,${data}`;
      picture.style.width = `${cssWidth}px`;
      picture.style.display = 'block';
      element.replaceWith(picture);
    }, [png.toString('base64'), width]);
  }
  await page.waitForFunction(() => [...document.images].every((image) => image.complete));
  writeFileSync(target, await page.pdf({ format: 'A4', printBackground: true }));
  console.log(`${target}: ${tables.length} tables as pictures`);
} finally {
  await browser.close();
}
