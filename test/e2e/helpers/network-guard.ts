/**
 * Network guard for the server process of the offline end-to-end test, loaded before the app with
 * `node --import tsx --import <this file> electron/serve.ts …`.
 *
 * Every way Node code can reach another machine is patched — net/tls sockets (and Socket#connect under them,
 * which also catches http, https, http2 and the undici package), http(s).request/get, http2.connect, dns
 * lookups and resolvers, UDP sends, globalThis.fetch, WebSocket and EventSource — to let 127.0.0.1, ::1 and
 * localhost through and refuse anything else, asynchronously and with the error an offline machine would give.
 * Each attempt is appended to the JSON-lines file named by NIANBAO_NETWORK_GUARD_LOG (refused, and allowed
 * ones too), with the stack that made it. Worker threads get the guard as well: Node does not run --import
 * preloads in workers, so the Worker class is wrapped to install it first.
 *
 * With NIANBAO_NETWORK_GUARD_SELFTEST=1 each thread, once guarded, tries a fetch, a socket and a DNS lookup to
 * reserved addresses and logs whether all three were refused: the proof that the guard is live in the very
 * process (and every worker) under test, so an empty log cannot mean an absent guard.
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import { dirname, join, resolve } from 'node:path';
import tls from 'node:tls';
import { pathToFileURL } from 'node:url';
import workerThreads from 'node:worker_threads';
import { GUARD_LOG_ENV, GUARD_SELFTEST_ENV, isLoopbackHost, type GuardEntry } from './network-guard-log';

const logPath = process.env[GUARD_LOG_ENV];
let selfTesting = false;
/** > 0 while a patched higher-level call runs its original: the layers under it do not log it again. */
let depth = 0;

function record(entry: Omit<GuardEntry, 'pid' | 'thread'>): void {
  const full: GuardEntry = { ...entry, pid: process.pid, thread: workerThreads.threadId, ...(selfTesting ? { selfTest: true } : {}) };
  if (entry.event === 'refused' || entry.event === 'allowed') {
    full.stack = (new Error().stack ?? '').split('\n').slice(3, 12).join('\n');
  }
  appendFileSync(logPath!, `${JSON.stringify(full)}\n`);
}

function guardError(target: string, code = 'ECONNREFUSED'): Error {
  return Object.assign(new Error(`network guard: ${target} refused (offline test: only 127.0.0.1, ::1 and localhost)`), { code, networkGuard: true });
}

/** Logs the attempt; true when it may go on. */
function check(api: string, host: string | null | undefined, port?: unknown): boolean {
  const allowed = isLoopbackHost(host);
  if (depth === 0) record({ event: allowed ? 'allowed' : 'refused', api, target: port === undefined || port === null ? String(host) : `${host}:${String(port)}` });
  return allowed;
}

function nested<T>(run: () => T): T {
  depth++;
  try {
    return run();
  } finally {
    depth--;
  }
}

// ---- sockets: Socket#connect is under net.connect, tls.connect, every http agent, http2 and undici ----

type ConnectOptions = { host?: string; hostname?: string; port?: unknown; path?: string };

/** Socket#connect's arguments as net's normalizeArgs reads them: (options) | (path) | (port, host). */
function connectTarget(args: unknown[]): { path?: string; host?: string; port?: unknown } {
  let first = args[0];
  if (Array.isArray(first)) first = first[0]; // already normalized by net.connect
  if (first && typeof first === 'object') {
    const options = first as ConnectOptions;
    if (typeof options.path === 'string') return { path: options.path };
    return { host: options.host ?? options.hostname ?? 'localhost', port: options.port };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first };
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first };
}

const originalSocketConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const target = connectTarget(args);
  // A Unix socket or named pipe is local IPC, not the network.
  if (target.path !== undefined || check('net.Socket#connect', target.host, target.port)) {
    return (originalSocketConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  }
  const error = guardError(`${target.host}:${String(target.port)}`);
  process.nextTick(() => this.destroy(error));
  return this;
} as typeof net.Socket.prototype.connect;

function wrapConnect<F extends (...args: never[]) => unknown>(api: string, original: F): F {
  return function guarded(this: unknown, ...args: unknown[]) {
    const target = connectTarget(args);
    if (target.path === undefined) check(api, target.host, target.port);
    return nested(() => (original as unknown as (...a: unknown[]) => unknown).apply(this, args));
  } as unknown as F;
}

net.connect = wrapConnect('net.connect', net.connect);
net.createConnection = wrapConnect('net.createConnection', net.createConnection);
tls.connect = wrapConnect('tls.connect', tls.connect);

// ---- http, https, http2: logged with their URL; the socket layer refuses ----

function requestTarget(args: unknown[], defaultProtocol: string): { host: string | null; label: string } {
  const [first, second] = args;
  let url: URL | null = null;
  if (typeof first === 'string') url = new URL(first);
  else if (first instanceof URL) url = first;
  const options = (url ? (second && typeof second === 'object' ? second : {}) : (first ?? {})) as ConnectOptions & { protocol?: string };
  const host = options.hostname ?? options.host?.replace(/:\d+$/, '') ?? url?.hostname ?? 'localhost';
  const label = url ? url.href : `${options.protocol ?? defaultProtocol}//${host}${options.port ? `:${String(options.port)}` : ''}`;
  return { host: host.replace(/^\[(.*)\]$/, '$1'), label };
}

function wrapRequest<F extends (...args: never[]) => unknown>(api: string, protocol: string, original: F): F {
  return function guarded(this: unknown, ...args: unknown[]) {
    const { host, label } = requestTarget(args, protocol);
    if (depth === 0) record({ event: isLoopbackHost(host) ? 'allowed' : 'refused', api, target: label });
    return nested(() => (original as unknown as (...a: unknown[]) => unknown).apply(this, args));
  } as unknown as F;
}

http.request = wrapRequest('http.request', 'http:', http.request);
http.get = wrapRequest('http.get', 'http:', http.get);
https.request = wrapRequest('https.request', 'https:', https.request);
https.get = wrapRequest('https.get', 'https:', https.get);

const originalHttp2Connect = http2.connect;
http2.connect = function guardedHttp2Connect(this: unknown, authority: string | URL, ...rest: unknown[]) {
  const url = typeof authority === 'string' ? new URL(authority) : authority;
  check('http2.connect', url.hostname.replace(/^\[(.*)\]$/, '$1'), url.port || undefined);
  return nested(() => (originalHttp2Connect as (...a: unknown[]) => http2.ClientHttp2Session).call(this, authority, ...rest));
} as typeof http2.connect;

// ---- DNS: getaddrinfo and c-ares run in C++, so the JavaScript entry points are all there is ----

const RESOLVER_METHODS = ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse'];

function dnsRefusal(host: string): Error {
  return guardError(`DNS ${host}`, 'ENOTFOUND');
}

type Callback = (error: Error | null, ...results: unknown[]) => void;

function wrapDnsCallback(api: string, original: (...args: unknown[]) => unknown) {
  return function guarded(this: unknown, ...args: unknown[]) {
    const host = String(args[0]);
    if (check(api, host)) return original.apply(this, args);
    const callback = args.findLast((arg) => typeof arg === 'function') as Callback | undefined;
    if (callback) process.nextTick(() => callback(dnsRefusal(host)));
    return undefined;
  };
}

function wrapDnsPromise(api: string, original: (...args: unknown[]) => Promise<unknown>) {
  return function guarded(this: unknown, ...args: unknown[]) {
    const host = String(args[0]);
    return check(api, host) ? original.apply(this, args) : Promise.reject(dnsRefusal(host));
  };
}

function patchObject(target: Record<string, unknown>, names: string[], wrap: (api: string, original: never) => unknown, prefix: string): void {
  for (const name of names) {
    if (typeof target[name] === 'function') target[name] = wrap(`${prefix}.${name}`, target[name] as never);
  }
}

const dnsModule = dns as unknown as Record<string, unknown>;
const dnsPromises = dns.promises as unknown as Record<string, unknown>;
patchObject(dnsModule, ['lookup', 'lookupService', ...RESOLVER_METHODS], wrapDnsCallback, 'dns');
patchObject(dns.Resolver.prototype as unknown as Record<string, unknown>, RESOLVER_METHODS, wrapDnsCallback, 'dns.Resolver');
patchObject(dnsPromises, ['lookup', 'lookupService', ...RESOLVER_METHODS], wrapDnsPromise, 'dns.promises');
patchObject(dns.promises.Resolver.prototype as unknown as Record<string, unknown>, RESOLVER_METHODS, wrapDnsPromise, 'dns.promises.Resolver');

// ---- UDP ----

const originalSend = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function guardedSend(this: dgram.Socket, ...args: unknown[]) {
  // (msg, port, address, cb) or (msg, offset, length, port, address, cb); a connected socket was checked on connect.
  const [port, address] = typeof args[1] === 'number' && typeof args[2] === 'number' && typeof args[3] === 'number' ? [args[3], args[4]] : [args[1], args[2]];
  if (typeof port !== 'number' || check('dgram.send', typeof address === 'string' ? address : 'localhost', port)) {
    return (originalSend as (...a: unknown[]) => void).apply(this, args);
  }
  const callback = args.findLast((arg) => typeof arg === 'function') as Callback | undefined;
  const error = guardError(`udp ${String(address)}:${port}`);
  process.nextTick(() => (callback ? callback(error) : this.emit('error', error)));
} as typeof dgram.Socket.prototype.send;

const originalUdpConnect = dgram.Socket.prototype.connect;
dgram.Socket.prototype.connect = function guardedUdpConnect(this: dgram.Socket, port: number, ...rest: unknown[]) {
  const address = typeof rest[0] === 'string' ? rest[0] : 'localhost';
  if (check('dgram.connect', address, port)) return (originalUdpConnect as (...a: unknown[]) => void).call(this, port, ...rest);
  const callback = rest.findLast((arg) => typeof arg === 'function') as Callback | undefined;
  const error = guardError(`udp ${address}:${port}`);
  process.nextTick(() => (callback ? callback(error) : this.emit('error', error)));
} as typeof dgram.Socket.prototype.connect;

// ---- fetch (Node's own undici), WebSocket, EventSource ----

function urlHost(input: unknown): { host: string | null; label: string; local: boolean } {
  const href = typeof input === 'string' ? input : input instanceof URL ? input.href : (input as { url?: string })?.url ?? String(input);
  try {
    const url = new URL(href);
    // data: and blob: never leave the process.
    if (url.protocol === 'data:' || url.protocol === 'blob:') return { host: null, label: href.slice(0, 60), local: true };
    return { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), label: href, local: false };
  } catch {
    return { host: null, label: href, local: true }; // fetch itself rejects what is not a URL
  }
}

const globals = globalThis as unknown as Record<string, unknown>;
const originalFetch = globalThis.fetch;
if (typeof originalFetch === 'function') {
  globalThis.fetch = function guardedFetch(input: Parameters<typeof fetch>[0], init?: RequestInit) {
    const { host, label, local } = urlHost(input);
    if (local) return originalFetch(input, init);
    if (depth === 0) record({ event: isLoopbackHost(host) ? 'allowed' : 'refused', api: 'fetch', target: label });
    if (isLoopbackHost(host)) return nested(() => originalFetch(input, init));
    return Promise.reject(new TypeError('fetch failed', { cause: guardError(label) }));
  } as typeof fetch;
}

for (const name of ['WebSocket', 'EventSource']) {
  const Original = globals[name] as (new (...args: unknown[]) => object) | undefined;
  if (typeof Original !== 'function') continue;
  globals[name] = class Guarded extends Original {
    constructor(...args: unknown[]) {
      const { host, label } = urlHost(args[0]);
      record({ event: isLoopbackHost(host) ? 'allowed' : 'refused', api: name, target: label });
      if (!isLoopbackHost(host)) throw guardError(label);
      super(...args);
    }
  };
}

// ---- worker threads: install the guard before the worker's own code ----

function tsxEsmApi(): string {
  const packageJson = createRequire(import.meta.url).resolve('tsx/package.json');
  const exports = (createRequire(import.meta.url)(packageJson) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api'].import.default;
  return pathToFileURL(join(dirname(packageJson), exports)).href;
}

const GUARD_URL = import.meta.url;
const OriginalWorker = workerThreads.Worker;

class GuardedWorker extends OriginalWorker {
  constructor(filename: string | URL, options: workerThreads.WorkerOptions = {}) {
    const code = options.eval
      ? String(filename)
      : `return import(${JSON.stringify(filename instanceof URL ? filename.href : filename.startsWith('file:') ? filename : pathToFileURL(resolve(filename)).href)});`;
    // tsx's own hooks (register) rather than tsImport: in a worker started from a worker that registered tsx
    // (the read pool's, in which the OCR engine starts its own), tsImport leaves the guard's TypeScript untransformed.
    const bootstrap = `import(${JSON.stringify(tsxEsmApi())}).then(({ register }) => { register(); return import(${JSON.stringify(GUARD_URL)}); }).then(() => { ${code}\n });`;
    super(bootstrap, { ...options, eval: true });
  }
}
workerThreads.Worker = GuardedWorker as typeof workerThreads.Worker;

// ESM importers (`import { connect } from 'node:net'`) see the patched functions too.
syncBuiltinESMExports();

// ---- installed; the self-test ----

async function selfTest(): Promise<boolean> {
  selfTesting = true;
  let probes: Promise<boolean>[];
  try {
    const refusedBy = (promise: Promise<unknown>) =>
      promise.then(
        () => false,
        (error: { networkGuard?: boolean; cause?: { networkGuard?: boolean } }) => !!(error?.networkGuard || error?.cause?.networkGuard),
      );
    probes = [
      refusedBy(fetch('http://192.0.2.1/network-guard-self-test', { signal: AbortSignal.timeout(2000) })),
      refusedBy(
        new Promise((resolvePromise, reject) => {
          const socket = net.connect(9, '192.0.2.1', () => resolvePromise(socket.destroy()));
          socket.once('error', reject);
          socket.setTimeout(2000, () => resolvePromise(socket.destroy()));
        }),
      ),
      refusedBy(dns.promises.lookup('network-guard-self-test.invalid')),
    ];
  } finally {
    selfTesting = false;
  }
  return (await Promise.all(probes)).every(Boolean);
}

if (!logPath) throw new Error(`network guard: set ${GUARD_LOG_ENV} to the log file`);
record({ event: 'installed', target: workerThreads.isMainThread ? 'main' : 'worker' });
if (process.env[GUARD_SELFTEST_ENV] === '1') {
  void selfTest().then((ok) => record({ event: 'self-test', ok, selfTest: true }));
}
