/**
 * Legacy Word (.doc) to .docx with LibreOffice, when it is installed: nothing on npm keeps the table
 * structure of a .doc. Every conversion runs in a private temporary directory with its own LibreOffice
 * profile (so concurrent conversions do not clash), under a timeout, and cleans up after itself.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants as fsConstants } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ReadError } from '../../shared/read/errors';
import { sniffKind } from '../../shared/read/docx/sniff';

export const DOC_CONVERSION_TIMEOUT_MS = 60_000;

export interface ConvertDocOptions {
  /** Give up (DOC_CONVERSION_FAILED) after this long. Default 60 s. */
  timeoutMs?: number;
  /** The soffice executable; found with `locateSoffice` when absent. */
  sofficePath?: string;
  /** How to find soffice when no path is given. Default findSoffice (PATH, then the usual install folders). */
  locateSoffice?: () => string | undefined;
}

const EXECUTABLE_NAMES = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];

const WELL_KNOWN_LOCATIONS =
  process.platform === 'win32'
    ? ['C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe']
    : process.platform === 'darwin'
      ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice']
      : ['/usr/bin/soffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice', '/snap/bin/libreoffice'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, process.platform === 'win32' ? fsConstants.F_OK : fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The path of LibreOffice's soffice (or libreoffice) executable, or undefined when it is not installed. */
export function findSoffice(searchPath: string = process.env.PATH ?? ''): string | undefined {
  const directories = searchPath.split(delimiter).filter((directory) => directory.length > 0);
  for (const name of EXECUTABLE_NAMES) {
    for (const directory of directories) {
      const candidate = join(directory, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return WELL_KNOWN_LOCATIONS.find(isExecutable);
}

/** A .doc is an OLE compound file; Word also saves RTF under that extension, which LibreOffice reads too. */
async function assertConvertible(path: string): Promise<'convert' | 'already-docx'> {
  const bytes = await readFile(path);
  const kind = sniffKind(bytes);
  if (kind === 'empty') throw new ReadError('EMPTY_FILE');
  if (kind === 'cfb' || kind === 'rtf') return 'convert';
  if (kind === 'zip') return 'already-docx';
  throw new ReadError('NOT_A_DOC');
}

interface SofficeRun {
  soffice: string;
  workDir: string;
  inputPath: string;
  timeoutMs: number;
}

function sofficeArguments(run: SofficeRun): string[] {
  const profileUrl = pathToFileURL(join(run.workDir, 'profile')).href;
  return [
    `-env:UserInstallation=${profileUrl}`,
    '--headless',
    '--invisible',
    '--norestore',
    '--nolockcheck',
    '--nodefault',
    '--nofirststartwizard',
    '--convert-to',
    'docx:MS Word 2007 XML',
    '--outdir',
    join(run.workDir, 'out'),
    run.inputPath,
  ];
}

function conversionFailed(detail: string, cause?: unknown): ReadError {
  return new ReadError('DOC_CONVERSION_FAILED', `旧版 Word（.doc）文件转换失败（${detail}），请另存为 .docx 后重试`, { cause });
}

/** Ends soffice and whatever it started: on POSIX it runs in its own process group. */
function killProcessTree(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    if (process.platform === 'win32') process.kill(pid);
    else process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function runSoffice(run: SofficeRun): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(run.soffice, sofficeArguments(run), {
      cwd: run.workDir,
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      killProcessTree(child.pid);
      reject(new ConversionTimeout(conversionFailed(`超过 ${Math.round(run.timeoutMs / 1000)} 秒未完成`)));
    }, run.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(conversionFailed('无法启动 LibreOffice', error));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(conversionFailed(`LibreOffice 退出码 ${code}`, new Error(stderr.trim())));
    });
  });
}

class ConversionTimeout extends Error {
  constructor(readonly error: ReadError) {
    super(error.message);
  }
}

/**
 * One retry, with a fresh profile, when LibreOffice crashes: it occasionally aborts on its first start on a
 * machine, or when several instances initialise at once. A timeout is not retried.
 */
async function runSofficeWithRetry(run: SofficeRun): Promise<void> {
  try {
    await runSoffice(run);
  } catch (error) {
    if (error instanceof ConversionTimeout) throw error.error;
    await rm(join(run.workDir, 'profile'), { recursive: true, force: true });
    await runSoffice(run).catch((retryError: unknown) => {
      throw retryError instanceof ConversionTimeout ? retryError.error : retryError;
    });
  }
}

async function readConvertedOutput(workDir: string): Promise<Uint8Array> {
  const outputPath = join(workDir, 'out', 'input.docx');
  try {
    const info = await stat(outputPath);
    if (info.size === 0) throw new Error('empty output');
    return new Uint8Array(await readFile(outputPath));
  } catch (error) {
    throw conversionFailed('LibreOffice 没有生成 .docx', error);
  }
}

/**
 * Converts a legacy .doc file to .docx bytes with LibreOffice. Errors (ReadError): DOC_NEEDS_CONVERSION when
 * LibreOffice is not installed, DOC_CONVERSION_FAILED when it fails or times out, NOT_A_DOC when the file is
 * not a Word 97–2003 document (nor RTF). A .docx that was merely renamed to .doc is returned as it is.
 */
export async function convertDocToDocx(path: string, options: ConvertDocOptions = {}): Promise<Uint8Array> {
  if ((await assertConvertible(path)) === 'already-docx') return new Uint8Array(await readFile(path));
  const soffice = options.sofficePath ?? (options.locateSoffice ?? findSoffice)();
  if (!soffice) throw new ReadError('DOC_NEEDS_CONVERSION');
  const workDir = await mkdtemp(join(tmpdir(), 'nianbao-doc-'));
  try {
    const inputPath = join(workDir, 'input.doc');
    await copyFile(path, inputPath);
    await runSofficeWithRetry({ soffice, workDir, inputPath, timeoutMs: options.timeoutMs ?? DOC_CONVERSION_TIMEOUT_MS });
    return await readConvertedOutput(workDir);
  } finally {
    await rm(workDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
  }
}
