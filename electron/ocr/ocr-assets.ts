/**
 * Where the OCR engine's files are: tesseract.js's worker script, tesseract.js-core's wasm builds and the
 * Chinese (simplified) model of @tesseract.js-data/chi_sim, all from the installed packages. The model is
 * read from this folder, never fetched: tesseract.js falls back to a CDN only when langPath is not given.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The 4.0.0_best_int model: 1.7 MB, and on the scans measured as accurate as the 20 MB 4.0.0 one on table
 * cells while loading faster (see the report of the OCR branch).
 */
export const CHI_SIM_MODEL = '4.0.0_best_int';

export interface OcrAssets {
  /** Folder holding chi_sim.traineddata.gz. */
  langPath: string;
  /** tesseract.js's Node worker script (a real file: asarUnpack in the installers). */
  workerPath: string;
  /** Folder of tesseract.js-core (its wasm builds). */
  corePath: string;
}

let assets: OcrAssets | null = null;

export function ocrAssets(): OcrAssets {
  if (assets) return assets;
  const require = createRequire(import.meta.url);
  const data = dirname(require.resolve('@tesseract.js-data/chi_sim/package.json'));
  const tesseract = dirname(require.resolve('tesseract.js/package.json'));
  const core = dirname(require.resolve('tesseract.js-core/package.json'));
  assets = {
    langPath: unpacked(join(data, CHI_SIM_MODEL)),
    workerPath: unpacked(join(tesseract, 'src', 'worker-script', 'node', 'index.js')),
    corePath: unpacked(core),
  };
  return assets;
}

/** In the packaged app the files that must be real files are beside the asar archive, in app.asar.unpacked. */
function unpacked(path: string): string {
  const outside = path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return outside !== path && existsSync(outside) ? outside : path;
}
