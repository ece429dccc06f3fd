import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/** A document's id in the session: stable for a path across sessions, and safe in URLs. */
export function documentIdOf(path: string): string {
  return createHash('sha256').update(resolve(path)).digest('hex').slice(0, 24);
}
