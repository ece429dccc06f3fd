/**
 * A 2-D DOMMatrix for pdf.js on the Node side. pdf.js's legacy build creates a DOMMatrix when it loads
 * (`const SCALE_MATRIX = new DOMMatrix()`), and Node has none: pdf.js then takes one from the optional native
 * package @napi-rs/canvas (a 32 MB Skia binary for ONE platform and architecture). Reading text and rulings
 * renders nothing, so this plain affine matrix is all it needs; the installers leave @napi-rs/canvas out, and
 * an installer built on one machine reads PDFs on every target (Windows/Linux, x64/arm64).
 */

type Init = ArrayLike<number> | undefined;

/** The 2-D subset of DOMMatrix: [a c e; b d f; 0 0 1]. */
export class DomMatrix2D {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: Init) {
    if (init === undefined) return;
    if (typeof init === 'string') throw new TypeError('DOMMatrix from a CSS string is not supported here');
    if (init.length === 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init);
    else if (init.length === 16) [this.a, this.b, this.c, this.d, this.e, this.f] = [init[0], init[1], init[4], init[5], init[12], init[13]];
    else throw new TypeError(`DOMMatrix needs 6 or 16 numbers, not ${init.length}`);
  }

  get m11(): number {
    return this.a;
  }
  get m12(): number {
    return this.b;
  }
  get m21(): number {
    return this.c;
  }
  get m22(): number {
    return this.d;
  }
  get m41(): number {
    return this.e;
  }
  get m42(): number {
    return this.f;
  }
  get is2D(): boolean {
    return true;
  }
  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }

  /** this = this × other (other applied first). */
  multiplySelf(other: Init | DomMatrix2D): this {
    const o = other instanceof DomMatrix2D ? other : new DomMatrix2D(other);
    return this.set(
      this.a * o.a + this.c * o.b,
      this.b * o.a + this.d * o.b,
      this.a * o.c + this.c * o.d,
      this.b * o.c + this.d * o.d,
      this.a * o.e + this.c * o.f + this.e,
      this.b * o.e + this.d * o.f + this.f,
    );
  }

  /** this = other × this. */
  preMultiplySelf(other: Init | DomMatrix2D): this {
    const o = other instanceof DomMatrix2D ? other : new DomMatrix2D(other);
    const product = new DomMatrix2D([o.a, o.b, o.c, o.d, o.e, o.f]).multiplySelf(this);
    return this.set(product.a, product.b, product.c, product.d, product.e, product.f);
  }

  translateSelf(tx = 0, ty = 0): this {
    return this.multiplySelf([1, 0, 0, 1, tx, ty]);
  }

  scaleSelf(scaleX = 1, scaleY = scaleX): this {
    return this.multiplySelf([scaleX, 0, 0, scaleY, 0, 0]);
  }

  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (det === 0 || !Number.isFinite(det)) return this.set(NaN, NaN, NaN, NaN, NaN, NaN);
    return this.set(
      this.d / det,
      -this.b / det,
      -this.c / det,
      this.a / det,
      (this.c * this.f - this.d * this.e) / det,
      (this.b * this.e - this.a * this.f) / det,
    );
  }

  multiply(other: Init | DomMatrix2D): DomMatrix2D {
    return this.copy().multiplySelf(other);
  }
  translate(tx?: number, ty?: number): DomMatrix2D {
    return this.copy().translateSelf(tx, ty);
  }
  scale(scaleX?: number, scaleY?: number): DomMatrix2D {
    return this.copy().scaleSelf(scaleX, scaleY);
  }
  inverse(): DomMatrix2D {
    return this.copy().invertSelf();
  }

  transformPoint(point: { x?: number; y?: number } = {}): { x: number; y: number; z: number; w: number } {
    const x = point.x ?? 0;
    const y = point.y ?? 0;
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f, z: 0, w: 1 };
  }

  private copy(): DomMatrix2D {
    return new DomMatrix2D([this.a, this.b, this.c, this.d, this.e, this.f]);
  }

  private set(a: number, b: number, c: number, d: number, e: number, f: number): this {
    Object.assign(this, { a, b, c, d, e, f });
    return this;
  }
}

/** Gives the process a DOMMatrix if it has none (Node; Electron's main process and its worker threads). */
export function installDomMatrix(scope: { DOMMatrix?: unknown } = globalThis as { DOMMatrix?: unknown }): void {
  if (typeof scope.DOMMatrix !== 'function') scope.DOMMatrix = DomMatrix2D;
}
