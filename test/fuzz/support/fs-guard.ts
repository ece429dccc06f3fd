/**
 * Records every path this process's code touches through node:fs (callbacks, sync and promises) and every
 * network connection it opens, by wrapping the functions on the built-in modules and re-syncing their ES module
 * exports (`syncBuiltinESMExports`), so that `import { readFile } from 'node:fs/promises'` in the app sees the
 * wrappers too. Worker threads have their own modules and are not covered: code under test runs in-process.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export interface Access {
  op: string;
  path: string;
}

const FS_FUNCTIONS = [
  'access', 'accessSync', 'appendFile', 'appendFileSync', 'chmod', 'copyFile', 'copyFileSync', 'cp', 'cpSync', 'createReadStream',
  'createWriteStream', 'exists', 'existsSync', 'lstat', 'lstatSync', 'mkdir', 'mkdirSync', 'open', 'openSync', 'opendir', 'opendirSync',
  'readFile', 'readFileSync', 'readdir', 'readdirSync', 'readlink', 'readlinkSync', 'realpath', 'realpathSync', 'rename', 'renameSync',
  'rm', 'rmSync', 'rmdir', 'stat', 'statSync', 'symlink', 'truncate', 'unlink', 'unlinkSync', 'utimes', 'watch', 'writeFile', 'writeFileSync',
] as const;
const PROMISE_FUNCTIONS = ['access', 'appendFile', 'copyFile', 'cp', 'lstat', 'mkdir', 'open', 'opendir', 'readFile', 'readdir', 'readlink', 'realpath', 'rename', 'rm', 'rmdir', 'stat', 'truncate', 'unlink', 'utimes', 'writeFile'] as const;
/** Functions whose second argument is a path too (the target of a copy or rename). */
const TWO_PATHS = new Set(['copyFile', 'copyFileSync', 'cp', 'cpSync', 'rename', 'renameSync', 'symlink']);

function pathOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value instanceof URL) return value.protocol === 'file:' ? fileURLToPath(value) : value.href;
  if (Buffer.isBuffer(value)) return value.toString();
  return null;
}

export class FsGuard {
  readonly accesses: Access[] = [];
  readonly connections: string[] = [];
  private readonly restore: (() => void)[] = [];

  install(): this {
    this.wrapAll(fs as unknown as Record<string, unknown>, FS_FUNCTIONS, '');
    this.wrapAll(fs.promises as unknown as Record<string, unknown>, PROMISE_FUNCTIONS, 'promises.');
    const connect = net.Socket.prototype.connect;
    const connections = this.connections;
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      connections.push(JSON.stringify(args[0]));
      return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    } as typeof connect;
    this.restore.push(() => (net.Socket.prototype.connect = connect));
    syncBuiltinESMExports();
    return this;
  }

  uninstall(): void {
    for (const undo of this.restore.splice(0).reverse()) undo();
    syncBuiltinESMExports();
  }

  /** Runs `work` with the guard installed, then removes it. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.install();
    try {
      return await work();
    } finally {
      this.uninstall();
    }
  }

  private wrapAll(target: Record<string, unknown>, names: readonly string[], prefix: string): void {
    for (const name of names) {
      const original = target[name];
      if (typeof original !== 'function') continue;
      const accesses = this.accesses;
      const wrapper = function (this: unknown, ...args: unknown[]) {
        const first = pathOf(args[0]);
        if (first !== null) accesses.push({ op: prefix + name, path: first });
        const second = TWO_PATHS.has(name) ? pathOf(args[1]) : null;
        if (second !== null) accesses.push({ op: prefix + name, path: second });
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      };
      const custom = (original as unknown as Record<symbol, unknown>)[promisify.custom];
      if (custom) Object.defineProperty(wrapper, promisify.custom, { value: custom });
      target[name] = wrapper;
      this.restore.push(() => (target[name] = original));
    }
  }
}
