/**
 * `npm start`: the desktop app on the bundled sample when the Electron runtime is installed; otherwise the same
 * UI served in the browser through the loopback bridge.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { locateElectronBinary } from './electron-binary';
import { appRoot, rendererOutDir } from './paths';
import { serve, stopOnSignals } from './serve';

function runNpmScript(root: string, script: string): boolean {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '-s', script], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
  return result.status === 0;
}

function launchElectron(root: string, binary: string): void {
  const built = existsSync(join(root, 'out', 'main', 'index.js')) && existsSync(join(root, 'out', 'preload', 'index.cjs')) && existsSync(join(rendererOutDir(root), 'index.html'));
  if (!built && !runNpmScript(root, 'build')) {
    process.stderr.write('构建失败，无法启动。Build failed.\n');
    process.exit(1);
  }
  const child = spawn(binary, [root, '--open-sample'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function serveInBrowser(root: string): Promise<void> {
  process.stdout.write(
    '本机没有可用的 Electron 运行环境，改为在浏览器中提供同样的界面。\n' +
      'The Electron runtime is not available on this machine; serving the same UI in the browser instead.\n',
  );
  if (!existsSync(join(rendererOutDir(root), 'index.html'))) {
    process.stdout.write('正在构建界面（npm run build:renderer）… Building the renderer…\n');
    if (!runNpmScript(root, 'build:renderer')) process.stderr.write('界面构建失败：页面将提示如何构建。Renderer build failed.\n');
  }
  const { bridge, url } = await serve({ port: 0, paths: [], sample: true });
  process.stdout.write(`请在浏览器中打开 / Open in your browser:\n${url}\n`);
  stopOnSignals(bridge);
}

async function main(): Promise<void> {
  const root = appRoot();
  const binary = locateElectronBinary(root);
  if (binary) launchElectron(root, binary);
  else await serveInBrowser(root);
}

main().catch((error: unknown) => {
  process.stderr.write(`启动失败：${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
