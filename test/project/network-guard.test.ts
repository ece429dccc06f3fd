/**
 * The network guard of the offline end-to-end test (test/e2e/helpers/network-guard.ts) refuses and logs what
 * it must, so that test cannot pass because the guard was never there. A child process is run under the guard
 * exactly as `serve` is there (`node --import tsx --import <guard>`), and tries every way out: fetch, sockets,
 * http(s), DNS, UDP, and a fetch from a worker thread. Nothing here reaches the network: the guard stops each
 * attempt before a socket is made (that is what is tested), and the addresses are reserved ones.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUARD_LOG_ENV, GUARD_MODULE, GUARD_SELFTEST_ENV, outgoingAttempts, readGuardLog, type GuardEntry } from '../e2e/helpers/network-guard-log';

const PROBE = `
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { Worker } from 'node:worker_threads';

const outcome = (promise) => promise.then(
  (value) => 'reached ' + String(value).slice(0, 40),
  (error) => ((error?.networkGuard || error?.cause?.networkGuard) ? 'refused' : 'failed ' + (error?.cause?.code ?? error?.code ?? error)),
);
const socketOutcome = (make) => outcome(new Promise((resolve, reject) => {
  const socket = make(() => resolve('connected'));
  socket.once('error', reject);
  socket.setTimeout?.(3000, () => reject(new Error('timeout')));
}));
const requestOutcome = (make) => outcome(new Promise((resolve, reject) => {
  const request = make((response) => resolve(response.statusCode));
  request.once('error', reject);
  request.setTimeout(3000, () => request.destroy(new Error('timeout')));
}));

const server = http.createServer((_request, response) => response.end('local')).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const { port } = server.address();

const results = {
  fetchPrivate: await outcome(fetch('http://10.255.255.1/')),
  fetchExample: await outcome(fetch('https://example.com/')),
  fetchLoopback: await outcome(fetch('http://127.0.0.1:' + port + '/').then((response) => response.text())),
  netConnect: await socketOutcome((done) => net.connect(80, 'example.com', done)),
  netOptions: await socketOutcome((done) => net.createConnection({ host: '192.0.2.7', port: 443 }, done)),
  tlsConnect: await socketOutcome((done) => tlsConnect({ host: 'example.com', port: 443 }, done)),
  httpGet: await requestOutcome((done) => http.get('http://example.com/', done)),
  httpsRequest: await requestOutcome((done) => https.request({ hostname: '192.0.2.8', port: 443, path: '/' }, done).end()),
  httpLoopback: await requestOutcome((done) => http.get('http://localhost:' + port + '/', done)),
  dnsLookup: await outcome(new Promise((resolve, reject) => dns.lookup('example.com', (error, address) => (error ? reject(error) : resolve(address))))),
  dnsResolve: await outcome(dns.promises.resolve4('example.com')),
  dnsResolver: await outcome(new dns.promises.Resolver().resolveTxt('example.com')),
  udpSend: await outcome(new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    socket.send(Buffer.from('x'), 53, '192.0.2.9', (error) => { socket.close(); error ? reject(error) : resolve('sent'); });
  })),
  worker: await new Promise((resolve, reject) => {
    const code = "fetch('http://10.255.255.1/').then(() => 'reached', (e) => (e.cause?.networkGuard ? 'refused' : 'failed')).then((r) => require('node:worker_threads').parentPort.postMessage(r))";
    const worker = new Worker(code, { eval: true });
    worker.once('message', (message) => { resolve(message); void worker.terminate(); });
    worker.once('error', reject);
  }),
};
server.close();
process.stdout.write(JSON.stringify(results));
`;

let dir: string;
let results: Record<string, string>;
let entries: GuardEntry[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-guard-'));
  const probe = join(dir, 'probe.mjs');
  writeFileSync(probe, PROBE);
  const log = join(dir, 'guard.jsonl');
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(GUARD_MODULE).href, probe], {
    cwd: new URL('../../', import.meta.url).pathname,
    env: { ...process.env, [GUARD_LOG_ENV]: log, [GUARD_SELFTEST_ENV]: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`probe failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  results = JSON.parse(run.stdout);
  entries = readGuardLog(log);
}, 90_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('network guard of the offline e2e test', () => {
  it('refuses every way out to another machine, and lets loopback through', () => {
    expect(results).toEqual({
      fetchPrivate: 'refused',
      fetchExample: 'refused',
      fetchLoopback: 'reached local',
      netConnect: 'refused',
      netOptions: 'refused',
      tlsConnect: 'refused',
      httpGet: 'refused',
      httpsRequest: 'refused',
      httpLoopback: 'reached 200',
      dnsLookup: 'refused',
      dnsResolve: 'refused',
      dnsResolver: 'refused',
      udpSend: 'refused',
      worker: 'refused',
    });
  });

  it('logs each refused attempt with its target and the stack that made it', () => {
    const refused = outgoingAttempts(entries);
    const targets = refused.map((entry) => `${entry.api} ${entry.target}`);
    for (const expected of [
      'fetch http://10.255.255.1/',
      'fetch https://example.com/',
      'net.connect example.com:80',
      'net.createConnection 192.0.2.7:443',
      'tls.connect example.com:443',
      'http.get http://example.com/',
      'https.request https://192.0.2.8:443',
      'dns.lookup example.com',
      'dns.promises.resolve4 example.com',
      'dns.promises.Resolver.resolveTxt example.com',
      'dgram.send 192.0.2.9:53',
    ]) {
      expect(targets).toContain(expected);
    }
    expect(refused.every((entry) => entry.stack?.includes('probe.mjs') || entry.thread !== 0)).toBe(true);
    expect(refused.some((entry) => entry.thread !== 0 && entry.target === 'http://10.255.255.1/')).toBe(true);
    expect(entries.some((entry) => entry.event === 'allowed' && entry.api === 'fetch' && entry.target?.startsWith('http://127.0.0.1:'))).toBe(true);
  });

  it('is installed in the main thread and in workers, and its self-test passes in each', () => {
    const installed = entries.filter((entry) => entry.event === 'installed');
    expect(installed.map((entry) => entry.target).sort()).toEqual(['main', 'worker']);
    const selfTests = entries.filter((entry) => entry.event === 'self-test');
    expect(selfTests.some((entry) => entry.thread === 0 && entry.ok)).toBe(true);
    expect(selfTests.every((entry) => entry.ok)).toBe(true);
    // The self-test's own probes are logged as such and not counted as the program's attempts.
    expect(entries.filter((entry) => entry.selfTest && entry.event === 'refused').length).toBeGreaterThanOrEqual(3);
    expect(outgoingAttempts(entries).some((entry) => entry.target?.includes('network-guard-self-test'))).toBe(false);
  });
});
