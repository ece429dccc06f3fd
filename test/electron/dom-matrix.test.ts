/** The DOMMatrix given to pdf.js on the Node side, against the browser's (Chromium's) definitions. */
import { describe, expect, it } from 'vitest';
import { DomMatrix2D, installDomMatrix } from '../../electron/services/dom-matrix';

const values = (m: DomMatrix2D) => [m.a, m.b, m.c, m.d, m.e, m.f];

describe('DomMatrix2D', () => {
  it('starts as the identity and takes 6 or 16 numbers', () => {
    expect(values(new DomMatrix2D())).toEqual([1, 0, 0, 1, 0, 0]);
    expect(new DomMatrix2D().isIdentity).toBe(true);
    expect(values(new DomMatrix2D([2, 0, 0, 3, 4, 5]))).toEqual([2, 0, 0, 3, 4, 5]);
    expect(values(new DomMatrix2D([2, 0, 0, 0, 0, 3, 0, 0, 0, 0, 1, 0, 4, 5, 0, 1]))).toEqual([2, 0, 0, 3, 4, 5]);
    expect(() => new DomMatrix2D([1, 2, 3])).toThrow(TypeError);
  });

  it('multiplies, translates, scales and inverts as DOMMatrix does', () => {
    // Values from Chromium: new DOMMatrix([1,2,3,4,5,6]).multiply(new DOMMatrix([7,8,9,10,11,12])) etc.
    const m = new DomMatrix2D([1, 2, 3, 4, 5, 6]);
    expect(values(m.multiply([7, 8, 9, 10, 11, 12]))).toEqual([31, 46, 39, 58, 52, 76]);
    expect(values(new DomMatrix2D([1, 2, 3, 4, 5, 6]).preMultiplySelf(new DomMatrix2D([7, 8, 9, 10, 11, 12])))).toEqual([25, 28, 57, 64, 100, 112]);
    expect(values(m.translate(10, 20))).toEqual([1, 2, 3, 4, 75, 106]);
    expect(values(m.scale(2, -3))).toEqual([2, 4, -9, -12, 5, 6]);
    expect(values(m.scale(2))).toEqual([2, 4, 6, 8, 5, 6]);
    expect(values(m.multiply(m.inverse()))).toEqual([1, 0, 0, 1, 0, 0]);
    expect(values(new DomMatrix2D([0, 0, 0, 0, 1, 1]).invertSelf()).every(Number.isNaN)).toBe(true);
    expect(m.transformPoint({ x: 1, y: 1 })).toEqual({ x: 9, y: 12, z: 0, w: 1 });
    expect(values(m)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('is installed only where there is no DOMMatrix', () => {
    const bare: { DOMMatrix?: unknown } = {};
    installDomMatrix(bare);
    expect(bare.DOMMatrix).toBe(DomMatrix2D);
    class Native {}
    const browser: { DOMMatrix?: unknown } = { DOMMatrix: Native };
    installDomMatrix(browser);
    expect(browser.DOMMatrix).toBe(Native);
  });
});
