/** Text pieces into lines (same baseline) and lines into text, joined without spurious spaces. */
import type { TextPiece } from './geometry';

export interface TextLine {
  pieces: TextPiece[];
  text: string;
  x0: number;
  x1: number;
  /** Baseline y. */
  y: number;
  size: number;
}

/** Pieces on one baseline form a line; lines come top to bottom, pieces left to right. */
export function groupLines(pieces: TextPiece[]): TextLine[] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: TextPiece[][] = [];
  for (const piece of sorted) {
    const line = lines[lines.length - 1];
    if (line && !piece.vertical && !line[0].vertical && Math.abs(line[0].y - piece.y) < Math.min(line[0].size, piece.size) * 0.45) line.push(piece);
    else lines.push([piece]);
  }
  return lines.map((line) => toLine(line.sort((a, b) => a.x0 - b.x0)));
}

function toLine(pieces: TextPiece[]): TextLine {
  let text = '';
  for (let i = 0; i < pieces.length; i++) {
    if (i > 0 && needsSpace(pieces[i - 1], pieces[i])) text += ' ';
    text += pieces[i].text;
  }
  return {
    pieces,
    text,
    x0: Math.min(...pieces.map((p) => p.x0)),
    x1: Math.max(...pieces.map((p) => p.x1)),
    y: pieces[0].y,
    size: Math.max(...pieces.map((p) => p.size)),
  };
}

/** A space only where the producer left a gap between two Latin words or numbers, never inside CJK text. */
function needsSpace(left: TextPiece, right: TextPiece): boolean {
  const gap = right.x0 - left.x1;
  if (gap < Math.min(left.size, right.size) * 0.25) return false;
  return /[A-Za-z0-9]$/.test(left.text) && /^[A-Za-z0-9]/.test(right.text);
}

/** The text of pieces in one box (a table cell): lines top to bottom joined by "\n". */
export function textOf(pieces: TextPiece[]): string {
  return groupLines(pieces)
    .map((line) => line.text.trim())
    .filter(Boolean)
    .join('\n');
}
