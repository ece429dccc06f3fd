/**
 * The bundled sample report. It is opened from a copy in the data folder, so the reviewer's notes on it never
 * land beside the original (in the repository or the installed app).
 */
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export async function copySampleOnce(sampleDir: string, dataDir: string): Promise<string> {
  const names = (await readdir(sampleDir)).filter((name) => name.toLowerCase().endsWith('.docx')).sort();
  if (names.length === 0) throw new Error(`no sample report in ${sampleDir}`);
  const copyDir = join(dataDir, 'sample');
  await mkdir(copyDir, { recursive: true });
  const copy = join(copyDir, names[0]);
  if (!(await exists(copy))) await copyFile(join(sampleDir, names[0]), copy);
  return copy;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
