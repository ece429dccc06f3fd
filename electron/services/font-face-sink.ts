/**
 * A FontFace for pdf.js on the Node side, which has none. With one, pdf.js hands each font it loads to
 * document.fonts as data (our sink document drops it, read-pdf.ts); without, it first writes the whole font
 * into a base64 CSS rule, a twentieth of a PDF's reading time spent on a string no one reads.
 */
export class FontFaceSink {
  readonly loaded: Promise<FontFaceSink>;
  readonly status = 'loaded';

  constructor(readonly family: string) {
    this.loaded = Promise.resolve(this);
  }

  load(): Promise<FontFaceSink> {
    return this.loaded;
  }
}

/** Installed only where there is no FontFace (never over a browser's). */
export function installFontFaceSink(scope: { FontFace?: unknown } = globalThis as { FontFace?: unknown }): void {
  scope.FontFace ??= FontFaceSink;
}
