/** Builds the renderer when needed and runs `npm run serve` on copies of the fixtures in a temp folder. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GUARD_LOG_ENV, GUARD_MODULE, GUARD_SELFTEST_ENV } from './network-guard-log';

export const ROOT = resolve(__dirname, '../../..');
const RENDERER_INDEX = join(ROOT, 'out/renderer/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Runs `npm run build:renderer` unless out/renderer is newer than every file of renderer/. */
export function ensureRendererBuilt(): void {
  const built = existsSync(RENDERER_INDEX) ? statSync(RENDERER_INDEX).mtimeMs : 0;
  if (built > newestMtime(join(ROOT, 'renderer'))) return;
  const result = spawnSync('npm', ['run', 'build:renderer'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`renderer build failed:\n${result.stdout}\n${result.stderr}`);
}

export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface Served {
  /** The page's address with its token, without the landing route serve printed after it. */
  url: string;
  /** The route serve opened on (`#/review/<id>` for one document, `#/list` for several). */
  landing: string;
  origin: string;
  dataDir: string;
  stderr: () => string;
  stop(): Promise<void>;
}

function waitForUrl(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no URL in 60 s\n${stdout}\n${stderr()}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      // npm echoes the script before it runs: the URL is the first line the server itself prints.
      const line = stdout.split('\n').find((text) => /^https?:\/\//.test(text.trim()));
      if (line) {
        clearTimeout(timer);
        resolvePromise(line.trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before printing its URL\n${stdout}\n${stderr()}`));
    });
  });
}

export interface ServeOptions {
  /**
   * Runs the server under the network guard (helpers/network-guard.ts), logging to this file: node itself
   * (`node --import tsx --import <guard> electron/serve.ts`) rather than npm, so the guard is in the server's
   * process and nothing else's, before anything else loads. (`npm run serve` runs electron/run-ts.mjs, which loads
   * pdf.js before tsx for speed; nothing else differs.) The guard's self-test runs in every thread.
   */
  networkGuardLog?: string;
}

export async function startServe(paths: string[], dataDir: string, options: ServeOptions = {}): Promise<Served> {
  const guarded = options.networkGuardLog !== undefined;
  const [command, args] = guarded
    ? [process.execPath, ['--import', 'tsx', '--import', pathToFileURL(GUARD_MODULE).href, 'electron/serve.ts', ...paths]]
    : ['npm', ['run', '--silent', 'serve', '--', ...paths]];
  const guardEnv = guarded ? { [GUARD_LOG_ENV]: options.networkGuardLog, [GUARD_SELFTEST_ENV]: '1' } : {};
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, NIANBAO_DATA_DIR: dataDir, ...guardEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const stderr = () => errors;
  const printed = await waitForUrl(child, stderr);
  const [url, landing = ''] = printed.split(/(?=#)/);
  return {
    url,
    landing,
    origin: new URL(url).origin,
    dataDir,
    stderr,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        process.kill(-child.pid!, 'SIGTERM');
      }),
  };
}

/** What a suite started, stopped: the browser, the served app and its temporary folder (unless kept). */
export async function tearDown(browser: { close(): Promise<void> } | null | undefined, served: Served | null | undefined, workDir: string | undefined, keepDir = false): Promise<void> {
  await browser?.close();
  await served?.stop();
  if (workDir && !keepDir) rmSync(workDir, { recursive: true, force: true });
}
