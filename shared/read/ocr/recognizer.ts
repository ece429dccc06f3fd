/**
 * What the OCR reader asks of a text recognizer (tesseract.js on the Node side; a fake in tests). The reader
 * does the page geometry; the recognizer only turns small grey images into text.
 */
import type { GreyImage } from './grey-image';

/** `number`: a table value (digits and a decimal point, one line); `text`: a label or heading (Chinese). */
export type CellKind = 'number' | 'text';

export interface RecognizedText {
  text: string;
  /** 0–100. */
  confidence: number;
}

export interface RecognizedLine extends RecognizedText {
  /** In pixels of the image given (y down). */
  box: { x0: number; y0: number; x1: number; y1: number };
}

export interface OcrRecognizer {
  /** One table cell's content (rulings already removed, white margin round it). */
  cell(image: GreyImage, kind: CellKind): Promise<RecognizedText>;
  /** The lines of text of a page image (its tables blanked out). */
  lines(image: GreyImage): Promise<RecognizedLine[]>;
}

/** Tesseract puts spaces between Chinese characters; they are no part of the text. */
export function joinCjk(text: string): string {
  const cjk = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
  return text
    .replace(new RegExp(`([${cjk}])[ \\t]+(?=[${cjk}])`, 'g'), '$1')
    .replace(new RegExp(`([${cjk}])[ \\t]+(?=[0-9A-Za-z])`, 'g'), '$1')
    .replace(new RegExp(`([0-9A-Za-z%])[ \\t]+(?=[${cjk}])`, 'g'), '$1')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
