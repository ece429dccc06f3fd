/** The product's version, as in package.json (checked by a test). */
export const VERSION = '0.1.0';
export const TOOL_NAME = 'nianbao-review';
