/** The product's version, as in package.json (checked by a test). */
export const VERSION = '0.1.0';
export const TOOL_NAME = 'nianbao-review';
/**
 * The version of what the readers and the mapping produce. Bump it whenever a change to shared/read or
 * shared/layout can change a ReviewDocument: cached results of an older version are then read again.
 */
export const EXTRACTION_VERSION = 7;
