/**
 * Chromium's NetLog (`--log-net-log=<file>`): everything its network stack did, including what a page's
 * request events never show — DNS resolutions, preconnects, QUIC and socket connects. Read after the browser
 * has closed (the file is complete then).
 */
import { readFileSync } from 'node:fs';

interface NetLogEvent {
  type: number;
  source: { id: number; type: number };
  phase?: number;
  params?: Record<string, unknown>;
}

export interface NetLog {
  eventNames: Record<number, string>;
  events: NetLogEvent[];
}

export function readNetLog(path: string): NetLog {
  const text = readFileSync(path, 'utf8').trim();
  type Raw = { constants: { logEventTypes: Record<string, number> }; events: NetLogEvent[] };
  let log: Raw;
  try {
    log = JSON.parse(text) as Raw;
  } catch {
    // A browser that did not close cleanly leaves the events array open.
    log = JSON.parse(`${text.replace(/,\s*$/, '')}]}`) as Raw;
  }
  const eventNames = Object.fromEntries(Object.entries(log.constants.logEventTypes).map(([name, id]) => [id, name]));
  return { eventNames, events: log.events };
}

export interface NetAttempt {
  event: string;
  target: string;
  /** The page's site in the event's isolation key or initiator: the app made it (else Chromium's own). */
  byApp: boolean;
}

/** Hostname of a NetLog target: a URL, `scheme://host:port`, a socket pool group (`pm/https://h <nak>`), `host:port`. */
function hostOf(target: string): string | null {
  const url = /[a-z][a-z0-9+.-]*:\/\/[^\s<>]+/i.exec(target)?.[0];
  if (url) {
    try {
      return new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
    } catch {
      return null;
    }
  }
  const hostPort = /^\[?([^\]\s]+?)\]?(?::\d+)?$/.exec(target.trim());
  return hostPort ? hostPort[1] : null;
}

const LOCAL_HOSTS = new Set(['127.0.0.1']);
const LOCAL_SCHEMES = /^(data|blob|chrome|chrome-extension|devtools|about):/;

/**
 * Every network destination in the log other than 127.0.0.1: request URLs, stream and QUIC jobs, DNS
 * requests (a host the resolver rules sent to `~notfound` counts: it was not 127.0.0.1), socket pool groups
 * and TCP/UDP connects. `appSite` (e.g. `http://127.0.0.1`) tells the app's attempts from the browser's own.
 */
export function foreignNetAttempts(log: NetLog, appSite: string): NetAttempt[] {
  const attempts: NetAttempt[] = [];
  const seen = new Set<string>();
  for (const event of log.events) {
    const params = event.params;
    if (!params) continue;
    const name = log.eventNames[event.type] ?? String(event.type);
    const keys = [params.network_isolation_key, params.network_anonymization_key, params.initiator, params.group_id].filter((value) => typeof value === 'string') as string[];
    const byApp = keys.some((key) => key.includes(appSite));
    const targets: string[] = [];
    for (const field of ['url', 'destination', 'group_id']) if (typeof params[field] === 'string') targets.push(params[field] as string);
    if (typeof params.host === 'string' && /HOST_RESOLVER|QUIC_SESSION_POOL/.test(name)) targets.push(params.host);
    if (typeof params.address === 'string' && /CONNECT/.test(name)) targets.push(params.address);
    if (Array.isArray(params.address_list)) targets.push(...params.address_list.map(String));
    for (const target of targets) {
      if (LOCAL_SCHEMES.test(target)) continue;
      const host = hostOf(target);
      if (host === null || LOCAL_HOSTS.has(host)) continue;
      const key = `${name} ${target} ${byApp}`;
      if (seen.has(key)) continue;
      seen.add(key);
      attempts.push({ event: name, target: target.slice(0, 200), byApp });
    }
  }
  return attempts;
}

/** The URL of every request the network stack started (downloads included, which request events miss). */
export function netLogRequestUrls(log: NetLog): string[] {
  return log.events
    .filter((event) => log.eventNames[event.type] === 'URL_REQUEST_START_JOB' && typeof event.params?.url === 'string')
    .map((event) => event.params!.url as string);
}
