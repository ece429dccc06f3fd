/**
 * mammoth's HTML, made safe to show: only plain document markup survives. Scripts, styles, frames, forms and
 * event handlers go; links keep only in-document anchors; images only `data:image/…` URIs. The table, row and
 * cell structure is never changed, so `cellMap` still finds every <td>.
 */
const DROPPED_WITH_CONTENT = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'link', 'meta', 'base', 'form',
  'input', 'button', 'textarea', 'select', 'option', 'template', 'noscript', 'svg', 'math', 'video', 'audio',
  'source', 'track', 'canvas', 'dialog', 'portal',
]);

const ALLOWED_TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption',
  'colgroup', 'col', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'br',
  'hr', 'a', 'img', 'span', 'div', 'blockquote', 'pre', 'code', 'section', 'dl', 'dt', 'dd',
]);

const ALLOWED_ATTRIBUTES = new Set(['colspan', 'rowspan', 'alt', 'href', 'src', 'id']);

function safeAttribute(name: string, value: string): boolean {
  if (!ALLOWED_ATTRIBUTES.has(name)) return false;
  if (name === 'href') return /^#[\w.:-]*$/.test(value);
  if (name === 'src') return /^data:image\/(png|jpe?g|gif|bmp|webp|x-emf|x-wmf|tiff);base64,[a-z0-9+/=\s]*$/i.test(value);
  if (name === 'colspan' || name === 'rowspan') return /^\d{1,3}$/.test(value);
  return true;
}

function cleanAttributes(element: Element): void {
  for (const { name, value } of [...element.attributes]) {
    if (!safeAttribute(name.toLowerCase(), value.trim())) element.removeAttribute(name);
  }
  if (element.localName === 'img' && !element.hasAttribute('src')) element.remove();
}

function cleanElement(element: Element): void {
  const tag = element.localName;
  if (DROPPED_WITH_CONTENT.has(tag)) {
    element.remove();
    return;
  }
  for (const child of [...element.children]) cleanElement(child);
  if (!ALLOWED_TAGS.has(tag)) {
    element.replaceWith(...element.childNodes);
    return;
  }
  cleanAttributes(element);
}

function removeComments(root: Node): void {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

/** Parses without running anything (an inert document) and returns the cleaned body's nodes. */
export function sanitizeDocumentHtml(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  const body = parsed.body;
  for (const child of [...body.children]) cleanElement(child);
  removeComments(body);
  const fragment = document.createDocumentFragment();
  for (const node of [...body.childNodes]) fragment.appendChild(document.importNode(node, true));
  return fragment;
}
