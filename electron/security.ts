/** Security policy shared by the Electron window and the loopback HTTP bridge. */

/**
 * The renderer loads nothing but its own files. pdf.js runs its worker from its own file, decodes some
 * images with WebAssembly ('wasm-unsafe-eval' allows compiling wasm only, not eval of JavaScript) and may
 * load a document's embedded fonts as data: URLs. No <base> may point the relative URLs elsewhere, no form
 * may post anywhere, no frame or manifest is loaded. 'self' is app://renderer in Electron and the bridge's
 * http://127.0.0.1:<port> in a browser: either way nothing leaves the machine.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "manifest-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const STATIC_CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.pfb': 'application/octet-stream',
  '.bcmap': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.icc': 'application/vnd.iccprofile',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export const RENDERER_MISSING_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>年报审核</title></head>
<body style="font-family: sans-serif; margin: 3em; line-height: 1.6">
<h1>年报审核：界面尚未构建</h1>
<p>没有找到界面文件（out/renderer）。请先在项目文件夹中运行：</p>
<pre>npm run build:renderer</pre>
<p>然后刷新本页。</p>
</body></html>
`;
