/** Prose helpers shared by the text rules: section paragraphs, sentences, clauses, years. */
import { compactText } from '../text/normalize';
import type { SectionId } from '../model/ids';
import type { ReviewDocument } from '../model/review-document';

/** Paragraph texts of the given sections (null = title and preamble), NFKC with whitespace removed. */
export function paragraphsIn(doc: ReviewDocument, sections: (SectionId | null)[]): string[] {
  const wanted = new Set(sections);
  const fromParagraphs = doc.paragraphs.filter((paragraph) => wanted.has(paragraph.section)).map((p) => p.text);
  if (doc.paragraphs.length > 0) return fromParagraphs.map(compactText).filter(Boolean);
  return sections
    .filter((id): id is SectionId => id !== null)
    .flatMap((id) => (doc.sections[id]?.text ?? '').split('\n'))
    .map(compactText)
    .filter(Boolean);
}

/** The text of a section, compacted; '' when absent. */
export function sectionText(doc: ReviewDocument, id: SectionId): string {
  return compactText(doc.sections[id]?.text ?? '');
}

/** Sentences: split after 。；！？ (and their ASCII forms) and at line ends. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。；;！!？?])|\n/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

export const PLAN_WORDS = /将|计划|拟|下一步|下一年|明年|今后|力争/;

/** The year a text opens with (“2023年，…”, “2023年度…”), or null. */
export function leadingYear(text: string): number | null {
  const match = /^(?:\(?[一二三四五六七八九十]+\)|\d{1,2}[.、])?(\d{4})年/.exec(text);
  return match ? Number(match[1]) : null;
}

/** The first year written as “YYYY年” in a text, or null. */
export function firstYear(text: string): number | null {
  const match = /((?:19|20)\d{2})年/.exec(compactText(text));
  return match ? Number(match[1]) : null;
}
