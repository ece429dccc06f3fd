/**
 * Prose outside the tables: lines into paragraphs the way the page sets them. A line continues the paragraph
 * above when the line above runs to the right margin, this one starts at the left margin, and the gap and the
 * font size fit; an indented line (the usual two-character first-line indent), a short line above, or a wider
 * gap starts a new paragraph. Page numbers (“— 3 —”, “第3页”) are dropped.
 */
import { isPageNumber } from '../../text/page-number';
import type { TextLine } from './text-lines';

export interface ProseParagraph {
  text: string;
  /** Top of the first line (for ordering with tables). */
  top: number;
  lines: TextLine[];
}

export function paragraphsOf(lines: TextLine[]): ProseParagraph[] {
  const body = lines.filter((line) => !isPageNumber(line.text));
  if (body.length === 0) return [];
  const left = percentile(body.map((line) => line.x0), 0.1);
  const right = percentile(body.map((line) => line.x1), 0.9);
  const paragraphs: ProseParagraph[] = [];
  for (const line of body) {
    const current = paragraphs[paragraphs.length - 1];
    const previous = current?.lines[current.lines.length - 1];
    if (current && previous && continues(previous, line, left, right)) {
      current.lines.push(line);
      current.text += joiner(current.text, line.text) + line.text.trim();
    } else {
      paragraphs.push({ text: line.text.trim(), top: line.y + line.size, lines: [line] });
    }
  }
  return paragraphs;
}

function continues(previous: TextLine, line: TextLine, left: number, right: number): boolean {
  const size = Math.max(previous.size, line.size);
  if (Math.abs(previous.size - line.size) > size * 0.2) return false;
  if (previous.y - line.y > size * 2.2) return false;
  if (line.x0 > left + size * 0.9) return false;
  return previous.x1 >= right - size * 1.5;
}

/** CJK text runs on without a space; Latin words and numbers split over two lines get one. */
function joiner(before: string, after: string): string {
  return /[A-Za-z,.;:]$/.test(before) && /^[A-Za-z]/.test(after.trim()) ? ' ' : '';
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}
