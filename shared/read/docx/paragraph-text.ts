/**
 * The text of one w:p as printed: runs (w:t, tabs, breaks, symbols) through hyperlinks, smart tags, simple
 * fields, field results, insertions, content controls and custom XML; not deleted text, field instructions
 * or hidden (w:vanish) runs. Pictures and text boxes met on the way are reported, not read here.
 */
import { firstChild, type XmlElement, type XmlNode } from './xml-tree';
import { isToggleOn, selectedBranch, wrappedContent } from './ooxml';

export interface ParagraphContent {
  text: string;
  /** The paragraph carries direct automatic numbering (w:numPr with a non-zero w:numId). */
  numbered: boolean;
  /** It holds a picture, chart or embedded object. */
  hasPicture: boolean;
  /** w:txbxContent elements anchored in this paragraph, in document order. */
  textBoxes: XmlElement[];
}

/** Containers of runs that are read through. */
const INLINE_WRAPPERS = new Set([
  'w:hyperlink',
  'w:smartTag',
  'w:fldSimple',
  'w:customXml',
  'w:ins',
  'w:moveTo',
  'w:dir',
  'w:bdo',
  'w:sdt',
  'w:sdtContent',
  'mc:AlternateContent',
]);

/** Pictures, charts, SmartArt and embedded objects; plain shapes (rules, frames) and text boxes are not pictures. */
const PICTURE_MARKERS = new Set(['~:blip', '~:imagedata', '~:pic', '~:chart', '~:relIds', '~:OLEObject', 'w:object']);
const DRAWINGS = new Set(['w:drawing', 'w:pict', 'w:object']);

const SIMPLE_RUN_TEXT: Readonly<Record<string, string>> = {
  'w:tab': '\t',
  'w:ptab': '\t',
  'w:br': '\n',
  'w:cr': '\n',
  'w:noBreakHyphen': '-',
  'w:softHyphen': '',
};

type FieldPart = 'instruction' | 'result';

function symbolText(symbol: XmlElement): string {
  const code = Number.parseInt(symbol.attrs['w:char'] ?? '', 16);
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

function isNumbered(paragraphProperties: XmlElement | undefined): boolean {
  const numbering = paragraphProperties && firstChild(paragraphProperties, 'w:numPr');
  if (!numbering) return false;
  return firstChild(numbering, 'w:numId')?.attrs['w:val'] !== '0';
}

function isHiddenRun(run: XmlElement): boolean {
  const properties = firstChild(run, 'w:rPr');
  return properties !== undefined && isToggleOn(firstChild(properties, 'w:vanish'));
}

/** Whether a drawing shows a picture of its own (pictures inside its text boxes belong to their paragraphs). */
function containsPicture(element: XmlElement): boolean {
  if (PICTURE_MARKERS.has(element.name)) return true;
  return element.children.some(
    (child) => typeof child !== 'string' && child.name !== 'w:txbxContent' && containsPicture(child),
  );
}

/** w:txbxContent elements inside a drawing, taking one branch of any alternate content. */
function collectTextBoxes(element: XmlElement, found: XmlElement[]): void {
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.name === 'w:txbxContent') found.push(child);
    else if (child.name === 'mc:AlternateContent') {
      const branch = selectedBranch(child);
      if (branch) collectTextBoxes(branch, found);
    } else collectTextBoxes(child, found);
  }
}

class ParagraphReader {
  private readonly parts: string[] = [];
  /** Open complex fields (w:fldChar begin … separate … end), innermost last. */
  private readonly fields: FieldPart[] = [];
  /** How many of them are still in their instruction part (text there is not printed). */
  private openInstructions = 0;
  hasPicture = false;
  readonly textBoxes: XmlElement[] = [];

  text(): string {
    return this.parts.join('');
  }

  readInline(children: readonly XmlNode[]): void {
    for (const child of children) {
      if (typeof child === 'string') continue;
      if (child.name === 'w:r') this.readRun(child);
      else if (INLINE_WRAPPERS.has(child.name)) this.readInline(wrappedContent(child));
    }
  }

  private readRun(run: XmlElement): void {
    if (isHiddenRun(run)) return;
    this.readRunContent(run.children);
  }

  private readRunContent(children: readonly XmlNode[]): void {
    for (const child of children) {
      if (typeof child !== 'string') this.readRunChild(child);
    }
  }

  private readRunChild(child: XmlElement): void {
    const simple = SIMPLE_RUN_TEXT[child.name];
    if (simple !== undefined) this.append(simple);
    else if (child.name === 'w:t') this.append(child.children.join(''));
    else if (child.name === 'w:sym') this.append(symbolText(child));
    else if (child.name === 'w:fldChar') this.trackField(child.attrs['w:fldCharType']);
    else if (DRAWINGS.has(child.name)) this.noteDrawing(child);
    else if (child.name === 'mc:AlternateContent') this.readRunContent(wrappedContent(child));
    else if (child.name === 'w:ruby') this.readRuby(child);
  }

  /** Ruby text: the base text only, not the annotation above it. */
  private readRuby(ruby: XmlElement): void {
    const base = firstChild(ruby, 'w:rubyBase');
    if (base) this.readInline(base.children);
  }

  private append(text: string): void {
    if (this.openInstructions === 0) this.parts.push(text);
  }

  /** Kept in step with `openInstructions`, so that each run costs the same however many fields are open. */
  private trackField(type: string | undefined): void {
    const last = this.fields.length - 1;
    if (type === 'begin') {
      this.fields.push('instruction');
      this.openInstructions++;
    } else if (type === 'separate' && last >= 0) {
      if (this.fields[last] === 'instruction') this.openInstructions--;
      this.fields[last] = 'result';
    } else if (type === 'end' && last >= 0) {
      if (this.fields.pop() === 'instruction') this.openInstructions--;
    }
  }

  private noteDrawing(drawing: XmlElement): void {
    if (containsPicture(drawing)) this.hasPicture = true;
    collectTextBoxes(drawing, this.textBoxes);
  }
}

export function readParagraph(paragraph: XmlElement): ParagraphContent {
  const reader = new ParagraphReader();
  reader.readInline(paragraph.children);
  return {
    text: reader.text(),
    numbered: isNumbered(firstChild(paragraph, 'w:pPr')),
    hasPicture: reader.hasPicture,
    textBoxes: reader.textBoxes,
  };
}
