/**
 * `npm run serve -- [--port N] [file or folder…]`: the review workspace in a browser, through the loopback
 * HTTP bridge. The first line on stdout is the URL to open (with its token); everything else goes to stderr.
 */
import { stat } from 'node:fs/promises';
import { defaultDataDir } from './data-dir';
import { startBridge, type Bridge } from './http/bridge';
import { rendererOutDir, sampleDir } from './paths';
import { Session } from './session/session';

interface ServeArguments {
  port: number;
  paths: string[];
  sample: boolean;
}

const USAGE = `用法：npm run serve -- [--port 端口] [--sample] [文件或文件夹…]
  --port 端口   监听 127.0.0.1 上的该端口（默认随机）
  --sample     打开内置的示例报告`;

export function parseServeArguments(argv: string[]): ServeArguments | { error: string } {
  const args: ServeArguments = { port: 0, paths: [], sample: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') {
      const port = Number(argv[++i]);
      if (!Number.isInteger(port) || port < 0 || port > 65535) return { error: '--port 需要 0 到 65535 之间的端口号' };
      args.port = port;
    } else if (arg === '--sample') args.sample = true;
    else if (arg === '--help' || arg === '-h') return { error: '' };
    else if (arg.startsWith('--')) return { error: `未知选项：${arg}` };
    else args.paths.push(arg);
  }
  return args;
}

export interface Served {
  bridge: Bridge;
  /** The address to open: the bridge's URL, landing on the one document opened, or the list of several. */
  url: string;
}

export async function serve(args: ServeArguments): Promise<Served> {
  const session = new Session({ dataDir: defaultDataDir(), sampleDir: sampleDir() });
  const opened: string[] = [];
  let batch = false;
  const resumed = await session.resumeUnfinishedBatch();
  if (resumed) {
    opened.push(...resumed.documents.map((document) => document.id));
    batch = true;
    process.stderr.write(`上次未完成的批次已恢复：${resumed.documents.length} 个文件，正在后台检查\n`);
  }
  if (args.sample && !resumed) opened.push((await session.openSample()).id);
  if (args.paths.length > 0) {
    if (await isOneFile(args.paths)) {
      const documents = await session.openPaths(args.paths);
      opened.push(...documents.map((document) => document.id));
      process.stderr.write(`已打开 ${documents.length} 个文件\n`);
    } else {
      // Several files or a folder: the address is printed at once, the dashboard shows the progress.
      const started = await session.startBatch(args.paths);
      opened.push(...started.documents.map((document) => document.id));
      batch = true;
      process.stderr.write(`已打开 ${started.documents.length} 个文件，正在后台检查\n`);
    }
  }
  const bridge = await startBridge({ session, rendererDir: rendererOutDir(), port: args.port });
  return { bridge, url: `${bridge.url}${landingRoute(opened, batch)}` };
}

async function isOneFile(paths: string[]): Promise<boolean> {
  return paths.length === 1 && (await stat(paths[0]).then((info) => info.isFile(), () => true));
}

function landingRoute(opened: string[], batch: boolean): string {
  if (opened.length === 1 && !batch) return `#/review/${opened[0]}`;
  return opened.length > 0 ? '#/list' : '';
}

export function stopOnSignals(bridge: Bridge): void {
  const stop = () => {
    bridge.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(): Promise<void> {
  const args = parseServeArguments(process.argv.slice(2));
  if ('error' in args) {
    process.stderr.write(`${args.error}\n${USAGE}\n`);
    process.exit(args.error ? 2 : 0);
  }
  const { bridge, url } = await serve(args);
  process.stdout.write(`${url}\n`);
  process.stderr.write('年报审核已在浏览器模式下启动：请在浏览器中打开上面的地址（仅本机可访问）。按 Ctrl+C 停止。\n');
  stopOnSignals(bridge);
}

if (process.argv[1] && /serve\.[cm]?[jt]s$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    process.stderr.write(`启动失败：${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
