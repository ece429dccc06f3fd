import { describe, expect, it } from 'vitest';
import { toTextPieces, type TextItemLike } from '../../shared/read/pdf/page-content';

const item = (str: string, x: number, y: number, size = 10.5): TextItemLike => ({ str, transform: [size, 0, 0, size, x, y], width: size * str.length, height: size });

describe('toTextPieces', () => {
  it('reads text printed again a fraction of a point away (simulated bold, a shadow) once', () => {
    const pieces = toTextPieces([item('三、本年度', 100, 500), item('三、本年度', 100.3, 500), item('三、本年度', 100, 500.3), item('12', 300, 500), item('12', 300.25, 499.8)]);
    expect(pieces.map((piece) => [piece.text, piece.x0, piece.y])).toEqual([
      ['三、本年度', 100, 500],
      ['12', 300, 500],
    ]);
  });

  it('keeps the same text printed in the next cell, on the next line, or in another size', () => {
    const pieces = toTextPieces([item('0', 100, 500), item('0', 130, 500), item('0', 100, 486), item('0', 100, 500, 16), item('0', 104, 500)]);
    expect(pieces).toHaveLength(5);
  });
});
