/**
 * The OCR reader's recognizer on the Node side: tesseract.js with the locally installed Chinese model. Two
 * engines: one for labels and lines of text (chi_sim, whole blocks), one for table values (digits and the
 * decimal point only, one line). Nothing is fetched and nothing is written: the model is read from the
 * installed package (langPath), and the engine's cache of it is turned off (cacheMethod 'none').
 */
import { createRequire } from 'node:module';
import type { GreyImage } from '../../shared/read/ocr/grey-image';
import { toPgm } from '../../shared/read/ocr/grey-image';
import type { CellKind, OcrRecognizer, RecognizedLine, RecognizedText } from '../../shared/read/ocr/recognizer';
import { ocrAssets } from './ocr-assets';

interface TesseractWorker {
  setParameters(params: Record<string, string>): Promise<unknown>;
  recognize(image: Buffer, options?: object, output?: object): Promise<{ data: TesseractPage }>;
  terminate(): Promise<unknown>;
}

interface TesseractPage {
  text: string;
  confidence: number;
  blocks: { paragraphs: { lines: { text: string; confidence: number; bbox: { x0: number; y0: number; x1: number; y1: number } }[] }[] }[] | null;
}

interface TesseractModule {
  createWorker(langs: string, oem: number, options: object): Promise<TesseractWorker>;
}

/** tesseract's page segmentation modes used here. */
const PSM = { AUTO: '3', SINGLE_BLOCK: '6', SINGLE_LINE: '7' } as const;
/** LSTM engine only. */
const OEM_LSTM = 1;

export class TesseractRecognizer implements OcrRecognizer {
  private text: Promise<TesseractWorker> | null = null;
  private numbers: Promise<TesseractWorker> | null = null;

  async cell(image: GreyImage, kind: CellKind): Promise<RecognizedText> {
    const worker = await (kind === 'number' ? this.numberWorker() : this.textWorker());
    if (kind === 'text') await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_BLOCK });
    const { data } = await worker.recognize(Buffer.from(toPgm(image)));
    return { text: data.text.trim(), confidence: data.confidence };
  }

  async lines(image: GreyImage): Promise<RecognizedLine[]> {
    const worker = await this.textWorker();
    await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
    const { data } = await worker.recognize(Buffer.from(toPgm(image)), {}, { text: true, blocks: true });
    return (data.blocks ?? []).flatMap((block) =>
      block.paragraphs.flatMap((paragraph) => paragraph.lines.map((line) => ({ text: line.text.trim(), confidence: line.confidence, box: line.bbox }))),
    );
  }

  async terminate(): Promise<void> {
    const workers = [this.text, this.numbers].filter((worker): worker is Promise<TesseractWorker> => worker !== null);
    this.text = this.numbers = null;
    await Promise.all(workers.map(async (worker) => (await worker.catch(() => null))?.terminate()));
  }

  private textWorker(): Promise<TesseractWorker> {
    this.text ??= startWorker({});
    return this.text;
  }

  private numberWorker(): Promise<TesseractWorker> {
    this.numbers ??= startWorker({ tessedit_pageseg_mode: PSM.SINGLE_LINE, tessedit_char_whitelist: '0123456789.' });
    return this.numbers;
  }
}

async function startWorker(parameters: Record<string, string>): Promise<TesseractWorker> {
  const tesseract = createRequire(import.meta.url)('tesseract.js') as TesseractModule;
  const { langPath, workerPath, corePath } = ocrAssets();
  const worker = await tesseract.createWorker('chi_sim', OEM_LSTM, {
    langPath,
    workerPath,
    corePath,
    gzip: true,
    cacheMethod: 'none',
    logger: () => undefined,
    errorHandler: () => undefined,
  });
  await worker.setParameters({ user_defined_dpi: '300', ...parameters });
  return worker;
}
