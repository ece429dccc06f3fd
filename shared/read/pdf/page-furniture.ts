/**
 * What the pages repeat and what the page breaks cut: running headers and footers (the same line at the same
 * place in the margins of most pages) are dropped, and a paragraph broken by a page break is joined again.
 */
import type { Block, ParagraphBlock } from '../../model/grid';
import { compactText } from '../../text/normalize';
import type { Box } from './geometry';
import type { ProseParagraph } from './paragraphs';
import type { PdfTable } from './table-grid';
import type { TextLine } from './text-lines';

export interface PageBlocks {
  /** The page's box in user space. */
  frame: Box;
  blocks: { top: number; block: Block | PdfTable }[];
  /** The lines of each paragraph block. */
  prose: Map<Block, ProseParagraph>;
}

/** Share of the page height at the top and at the bottom where running headers and footers sit. */
const MARGIN_SHARE = 0.1;
const NUMBERED_START = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、．.](?!\d))/;

export function dropRunningLines(pages: PageBlocks[]): void {
  const withText = pages.filter((page) => page.blocks.length > 0);
  if (withText.length < 3) return;
  const counts = new Map<string, number>();
  for (const page of withText) {
    for (const key of new Set(marginKeys(page))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const needed = Math.max(3, Math.ceil(withText.length / 2));
  for (const page of withText) {
    page.blocks = page.blocks.filter(({ block }) => {
      const key = marginKey(page, block);
      return key === null || (counts.get(key) ?? 0) < needed;
    });
  }
}

function marginKeys(page: PageBlocks): string[] {
  return page.blocks.map(({ block }) => marginKey(page, block)).filter((key): key is string => key !== null);
}

/** A paragraph lying wholly in the top or bottom margin band: its text (numbers masked) and place. */
function marginKey(page: PageBlocks, block: Block | PdfTable): string | null {
  if (!('type' in block) || block.type !== 'paragraph' || block.source.kind !== 'pdf') return null;
  const [, y0, , y1] = block.source.box;
  const band = (page.frame.y1 - page.frame.y0) * MARGIN_SHARE;
  const top = y0 >= page.frame.y1 - band;
  const bottom = y1 <= page.frame.y0 + band;
  if (!top && !bottom) return null;
  return `${top ? 'top' : 'bottom'}|${Math.round(y0 / 8)}|${compactText(block.text).replace(/\d+/g, '#')}`;
}

/**
 * A page's last paragraph runs on into the next page's first one when its last line reaches the right margin
 * and the next page's first line is not indented (nor a new numbered item), in the same font size.
 */
export function joinParagraphsAcrossPages(pages: PageBlocks[]): void {
  const margins = textMargins(pages);
  if (!margins) return;
  for (let p = 0; p + 1 < pages.length; p++) {
    const last = pages[p].blocks[pages[p].blocks.length - 1];
    const first = pages[p + 1].blocks[0];
    if (!last || !first || !isParagraph(last.block) || !isParagraph(first.block)) continue;
    const above = pages[p].prose.get(last.block);
    const below = pages[p + 1].prose.get(first.block);
    if (!above || !below || !runsOn(above.lines[above.lines.length - 1], below.lines[0], margins)) continue;
    last.block.text += below.text;
    pages[p + 1].blocks.shift();
  }
}

function isParagraph(block: Block | PdfTable): block is ParagraphBlock {
  return 'type' in block && block.type === 'paragraph';
}

function runsOn(above: TextLine, below: TextLine, margins: { left: number; right: number }): boolean {
  const size = Math.max(above.size, below.size);
  if (Math.abs(above.size - below.size) > size * 0.2) return false;
  if (NUMBERED_START.test(compactText(below.text))) return false;
  return above.x1 >= margins.right - size * 1.5 && below.x0 <= margins.left + size * 0.9;
}

function textMargins(pages: PageBlocks[]): { left: number; right: number } | null {
  const lines = pages.flatMap((page) => [...page.prose.values()].flatMap((paragraph) => paragraph.lines));
  if (lines.length < 5) return null;
  const lefts = lines.map((line) => line.x0).sort((a, b) => a - b);
  const rights = lines.map((line) => line.x1).sort((a, b) => a - b);
  return { left: lefts[Math.floor(lefts.length * 0.1)], right: rights[Math.floor(rights.length * 0.9)] };
}
