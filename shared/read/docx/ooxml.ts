/** Small helpers for WordprocessingML structure: wrapper elements, alternate content, attribute values. */
import type { XmlElement, XmlNode } from './xml-tree';

/**
 * Elements that only wrap content at block, row or cell level: structured document tags (their content),
 * custom XML, tracked insertions and moves (read as accepted), and alternate content (one branch only).
 */
const WRAPPERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:ins', 'w:moveTo', 'mc:AlternateContent']);

/** mc:AlternateContent offers the same content twice: read mc:Choice only (mc:Fallback when there is no choice). */
export function selectedBranch(alternateContent: XmlElement): XmlElement | undefined {
  let fallback: XmlElement | undefined;
  for (const child of alternateContent.children) {
    if (typeof child === 'string') continue;
    if (child.name === 'mc:Choice') return child;
    if (child.name === 'mc:Fallback') fallback ??= child;
  }
  return fallback;
}

/** Children of a wrapper element that hold its content. */
export function wrappedContent(wrapper: XmlElement): XmlNode[] {
  if (wrapper.name === 'mc:AlternateContent') return selectedBranch(wrapper)?.children ?? [];
  if (wrapper.name === 'w:sdt') return wrapper.children.filter((child) => typeof child !== 'string' && child.name === 'w:sdtContent');
  return wrapper.children;
}

/** Visits, in document order, the elements named in `targets`, looking through wrapper elements. */
export function forEachUnwrapped(children: readonly XmlNode[], targets: ReadonlySet<string>, visit: (element: XmlElement) => void): void {
  for (const child of children) {
    if (typeof child === 'string') continue;
    if (targets.has(child.name)) visit(child);
    else if (WRAPPERS.has(child.name)) forEachUnwrapped(wrappedContent(child), targets, visit);
  }
}

/** A toggle property (w:vanish, …) is on unless its w:val says otherwise. */
export function isToggleOn(property: XmlElement | undefined): boolean {
  if (!property) return false;
  const value = property.attrs['w:val'];
  return value === undefined || !['0', 'false', 'off'].includes(value.toLowerCase());
}

const MAX_GRID_STEP = 1000;

/** An integer w:val clamped to [min, MAX_GRID_STEP]; the default when absent or unreadable. */
export function gridCount(property: XmlElement | undefined, fallback: number, min: number): number {
  const value = Number.parseInt(property?.attrs['w:val'] ?? '', 10);
  if (!Number.isFinite(value)) return fallback;
  return Math.min(Math.max(value, min), MAX_GRID_STEP);
}
