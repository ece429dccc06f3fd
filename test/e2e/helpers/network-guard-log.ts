/**
 * What the network guard (network-guard.ts, preloaded into the server process) and the tests reading its log
 * share. Importing this module installs nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const GUARD_LOG_ENV = 'NIANBAO_NETWORK_GUARD_LOG';
export const GUARD_SELFTEST_ENV = 'NIANBAO_NETWORK_GUARD_SELFTEST';
/** The preload itself, for `node --import tsx --import <GUARD_MODULE>`. */
export const GUARD_MODULE = fileURLToPath(new URL('./network-guard.ts', import.meta.url));

export interface GuardEntry {
  event: 'installed' | 'allowed' | 'refused' | 'self-test';
  /** The API called: fetch, net.connect, dns.lookup, … */
  api?: string;
  /** installed: main or worker; otherwise the host (and port) or URL of the attempt. */
  target?: string;
  /** Made by the guard's own self-test. */
  selfTest?: boolean;
  /** self-test: all of its probes were refused by the guard. */
  ok?: boolean;
  pid: number;
  thread: number;
  stack?: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', '[::1]', 'localhost', 'localhost.', '::ffff:127.0.0.1']);

export function isLoopbackHost(host: string | null | undefined): boolean {
  return typeof host === 'string' && LOOPBACK_HOSTS.has(host.toLowerCase());
}

export function readGuardLog(path: string): GuardEntry[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as GuardEntry);
}

/** The attempts to leave the machine, apart from the guard's own self-test probes. */
export function outgoingAttempts(entries: GuardEntry[]): GuardEntry[] {
  return entries.filter((entry) => entry.event === 'refused' && !entry.selfTest);
}
