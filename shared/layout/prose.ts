/**
 * The prose of a report: section headings 一 … 六, the text under each, the title (organ and year), the
 * statistics period, and the signature block (organ and date) at the end.
 */
import type { Block, SourceRef } from '../model/grid';
import { SECTIONS, type SectionId } from '../model/ids';
import type { OrganKind, ProseParagraph, SectionReading } from '../model/review-document';
import { compactText, parseChineseNumber } from '../text/normalize';
import { isPageNumber } from '../text/page-number';

const SECTION_INDEX: Record<string, number> = { 一: 0, 二: 1, 三: 2, 四: 3, 五: 4, 六: 5 };

/** Official heading words of each section, with the variants seen in real reports. */
const HEADING_WORDS: Record<SectionId, RegExp> = {
  一: /^(?:总体情况|概述|总体概况|基本情况)/,
  二: /^主动公开政府信息(?:的)?情况/,
  三: /^收到和处理政府信息公开申请(?:的)?情况/,
  四: /^(?:政府信息公开)?(?:行政(?:法)?复议|因政府信息公开工作被申请行政复议)/,
  五: /^(?:政府信息公开工作)?存在的?(?:主要)?问题(?:及|和|与)?(?:改进|整改)/,
  六: /^其他需要报告的事项|^其他事项/,
};

/** Looser words, used only for a section whose heading was not found the strict way. */
const LOOSE_WORDS: Record<SectionId, RegExp> = {
  一: /总体|概述|概况/,
  二: /主动公开/,
  三: /申请/,
  四: /复议|诉讼/,
  五: /问题|改进/,
  六: /其他/,
};

export interface HeadingMatch {
  section: SectionId;
  /** The heading's own text; `rest` is text printed after it in the same paragraph. */
  heading: string;
  rest: string;
}

/**
 * A line of a table of contents: the heading, then a leader (dots, a rule, a tab) and its page number, or a
 * page number straight after the heading's last word (a PDF drops the blank between them).
 */
const CONTENTS_ENTRY = /(?:[.．…·•⋯‥\-—_]{2}|\t|情况|事项)\s*\d{1,3}\s*$/;

/** Only a line's end is looked at: on a long run of dots a pattern anchored at the end backtracks from every dot. */
function isContentsEntry(text: string): boolean {
  return CONTENTS_ENTRY.test(text.slice(-40));
}

export function matchHeading(text: string, numbered = false, loose = false): HeadingMatch | null {
  if (isContentsEntry(text)) return null;
  const compact = compactText(text);
  const numbering = /^([一二三四五六])[、.．]/.exec(compact);
  const body = numbering ? compact.slice(numbering[0].length) : compact;
  for (const section of SECTIONS) {
    if (numbering && numbering[1] !== section) continue;
    if (!numbering && !numbered) continue;
    const words = loose ? LOOSE_WORDS[section] : HEADING_WORDS[section];
    const match = words.exec(body);
    if (!match || (loose && body.length > 25)) continue;
    const end = (numbering?.[0].length ?? 0) + (loose ? body.length : headingEnd(body, match[0].length));
    const heading = compact.slice(0, end);
    const rest = compact.slice(end).replace(/^[。.：:，,\s]+/, '');
    if (!loose && rest && !/^[。.：:]/.test(compact.slice(end)) && heading.length < compact.length - 40) continue;
    return { section, heading, rest };
  }
  return null;
}

/** A heading runs to the end of its words (情况, 事项) or to the first full stop. */
function headingEnd(body: string, matched: number): number {
  const stop = body.slice(matched).search(/[。.：:]/);
  const tail = stop < 0 ? body.slice(matched) : body.slice(matched, matched + stop);
  return tail.length <= 20 ? matched + tail.length : matched;
}

export interface ProseAnalysis {
  sections: Record<SectionId, SectionReading>;
  paragraphs: ProseParagraph[];
  /** For each block index, the section it stands in (null before 一). */
  blockSections: (SectionId | null)[];
  title: { text: string; source?: SourceRef } | null;
  titleYear: number | null;
  titleOrgan: string | null;
  signature: { organ: string | null; dateText: string | null; date: string | null; source?: SourceRef } | null;
  statisticsPeriod: { text: string; fromYear: number; toYear: number } | null;
}

export function analyseProse(blocks: Block[]): ProseAnalysis {
  const headings = findHeadings(blocks);
  const blockSections = sectionOfEachBlock(blocks, headings);
  const signature = findSignature(blocks, headings);
  const signatureBlocks = new Set(signature?.blocks ?? []);
  const paragraphs: ProseParagraph[] = [];
  blocks.forEach((block, i) => {
    if (block.type !== 'paragraph' || signatureBlocks.has(i)) return;
    const heading = headings.get(i);
    const text = heading ? heading.rest : block.text.trim();
    if (compactText(text) === '') return;
    paragraphs.push({ text, section: blockSections[i], source: block.source });
  });
  const title = findTitle(blocks, headings);
  return {
    sections: buildSections(blocks, headings, paragraphs),
    paragraphs,
    blockSections,
    title,
    titleYear: title ? yearIn(title.text) : null,
    titleOrgan: title ? organInTitle(title.text) : null,
    signature: signature ? { organ: signature.organ, dateText: signature.dateText, date: signature.date, source: signature.source } : null,
    statisticsPeriod: findStatisticsPeriod(paragraphs),
  };
}

function findHeadings(blocks: Block[]): Map<number, HeadingMatch> {
  const headings = new Map<number, HeadingMatch>();
  let last = -1;
  blocks.forEach((block, i) => {
    if (block.type !== 'paragraph') return;
    const match = matchHeading(block.text, block.numbered);
    if (match && SECTION_INDEX[match.section] > last) {
      headings.set(i, match);
      last = SECTION_INDEX[match.section];
    }
  });
  addLooseHeadings(blocks, headings);
  return headings;
}

/** A section still missing may have an unusual heading: accept a short numbered line between its neighbours. */
function addLooseHeadings(blocks: Block[], headings: Map<number, HeadingMatch>): void {
  const found = new Set([...headings.values()].map((h) => h.section));
  for (const section of SECTIONS.filter((s) => !found.has(s))) {
    const index = SECTION_INDEX[section];
    const entries = [...headings.entries()];
    const before = entries.filter(([, h]) => SECTION_INDEX[h.section] < index).map(([i]) => i);
    const after = entries.filter(([, h]) => SECTION_INDEX[h.section] > index).map(([i]) => i);
    const from = before.length ? Math.max(...before) + 1 : 0;
    const to = after.length ? Math.min(...after) : blocks.length;
    for (let i = from; i < to; i++) {
      const block = blocks[i];
      if (block.type !== 'paragraph') continue;
      const match = matchHeading(block.text, block.numbered, true);
      if (match?.section === section) {
        headings.set(i, match);
        break;
      }
    }
  }
}

function sectionOfEachBlock(blocks: Block[], headings: Map<number, HeadingMatch>): (SectionId | null)[] {
  let current: SectionId | null = null;
  return blocks.map((_, i) => {
    const heading = headings.get(i);
    if (heading) current = heading.section;
    return current;
  });
}

function buildSections(blocks: Block[], headings: Map<number, HeadingMatch>, paragraphs: ProseParagraph[]): Record<SectionId, SectionReading> {
  const sections = {} as Record<SectionId, SectionReading>;
  for (const id of SECTIONS) {
    const entry = [...headings.entries()].find(([, h]) => h.section === id);
    const block = entry ? blocks[entry[0]] : undefined;
    sections[id] = {
      id,
      heading: entry ? entry[1].heading : null,
      text: entry ? paragraphs.filter((p) => p.section === id).map((p) => p.text).join('\n') : '',
      source: block?.type === 'paragraph' ? block.source : undefined,
    };
  }
  return sections;
}

// ---------------------------------------------------------------------------------------------------------------
// Title

const TITLE_END = /(?:年度报告|年度工作报告|工作报告|年报)$/;

/**
 * The title: a line ending in 年度报告 (or the like) before the first heading, with the lines above it that
 * complete it. The first one naming an organ and a year wins: a web page printed with its report has
 * breadcrumbs that end so too (“首页 > 政务公开 > 政府信息公开年报”).
 */
function findTitle(blocks: Block[], headings: Map<number, HeadingMatch>): { text: string; source?: SourceRef } | null {
  const firstHeading = Math.min(...headings.keys(), blocks.length);
  let first: { text: string; source?: SourceRef } | null = null;
  for (let index = 0; index < Math.min(firstHeading, 20); index++) {
    const block = blocks[index];
    if (block.type !== 'paragraph' || !TITLE_END.test(compactText(block.text)) || compactText(block.text).length > 60) continue;
    const title = { text: titleEndingAt(blocks, index), source: block.source };
    if (titleIsComplete(title.text)) return title;
    first ??= title;
  }
  return first;
}

function titleEndingAt(blocks: Block[], index: number): string {
  let text = compactText((blocks[index] as Extract<Block, { type: 'paragraph' }>).text);
  for (let i = index - 1; i >= Math.max(0, index - 2) && !titleIsComplete(text); i--) {
    const previous = blocks[i];
    if (previous.type !== 'paragraph' || !isTitleLine(previous.text)) break;
    text = compactText(previous.text) + text;
  }
  return text;
}

/** A title names its organ and its year; a title set over two or three lines is joined until it does. */
function titleIsComplete(text: string): boolean {
  return yearIn(text) !== null && organInTitle(text) !== null && !/^(?:\d{4}|[〇零一二三四五六七八九○]{4})年/.test(text);
}

function isTitleLine(text: string): boolean {
  const compact = compactText(text);
  return compact.length > 0 && compact.length <= 40 && !/[。；，]/.test(text) && matchHeading(text) === null && parseDateAtEnd(compact) === null;
}

/** A bare year standing right before 政府信息公开 (the 年 lost, as in some web copies of titles). */
const BARE_TITLE_YEAR = /((?:19|20)\d{2})(?=(?:年度)?(?:政府)?信息公开)/;

export function yearIn(text: string): number | null {
  const compact = compactText(text);
  const arabic = /(\d{4})年/.exec(compact) ?? BARE_TITLE_YEAR.exec(compact);
  if (arabic) return Number(arabic[1]);
  const chinese = /([〇零一二三四五六七八九○]{4})年/.exec(compact);
  return chinese ? parseChineseNumber(chinese[1]) : null;
}

export function organInTitle(title: string): string | null {
  const organ = compactText(title)
    .replace(/(?:\d{4}|[〇零一二三四五六七八九○]{4})年度?/, '')
    .replace(BARE_TITLE_YEAR, '')
    .replace(/(?:关于)?(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?报告$|(?:工作)?年度报告$|年报$/, '')
    .replace(/^关于/, '')
    .replace(/[《》〈〉“”"()（）:：、,，]/g, '');
  return organ.length >= 2 ? organ : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Signature and dates

const ARABIC_DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const CHINESE_DATE = /([〇零一二三四五六七八九○O]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;

/** A date written at the end of a line, as ISO, or null. */
export function parseDateAtEnd(text: string): { iso: string; start: number } | null {
  const compact = compactText(text);
  const arabic = ARABIC_DATE.exec(compact);
  const chinese = arabic ? null : CHINESE_DATE.exec(compact);
  const match = arabic ?? chinese;
  if (!match) return null;
  const parse = (part: string) => (arabic ? Number(part) : parseChineseNumber(part));
  const [year, month, day] = [parse(match[1]), parse(match[2]), parse(match[3])];
  // A year before 1000 (“0000年”) is a slip, not a date: it would not even print as four digits.
  if (year === null || month === null || day === null || year < 1000 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { iso, start: match.index };
}

const ORGAN_SUFFIX = /(?:局|委员会|委|厅|办公室|办公厅|办|人民政府|政府|办事处|中心|院|署|所|站|队|会|部|处|馆|公署|管委会)$/;

export function looksLikeOrgan(text: string): boolean {
  const compact = stripSeal(compactText(text));
  return compact.length >= 3 && compact.length <= 40 && ORGAN_SUFFIX.test(compact) && !/[。；，,、]/.test(compact);
}

interface Signature {
  organ: string | null;
  dateText: string | null;
  date: string | null;
  source?: SourceRef;
  blocks: number[];
}

/**
 * The signature block: among the last lines after the last heading, an organ line and a date line. A web page
 * printed with its report ends with the site's footer (主办, 备案号, 地址…), so the last eight lines are looked at.
 */
function findSignature(blocks: Block[], headings: Map<number, HeadingMatch>): Signature | null {
  const lastHeading = Math.max(-1, ...headings.keys());
  const tail: number[] = [];
  for (let i = blocks.length - 1; i > lastHeading && tail.length < 8; i--) {
    const block = blocks[i];
    if (block.type === 'table') break;
    if (block.type !== 'paragraph' || compactText(block.text) === '' || isPageNumber(block.text)) continue;
    tail.push(i);
  }
  for (let k = 0; k < tail.length; k++) {
    const block = blocks[tail[k]] as Extract<Block, { type: 'paragraph' }>;
    const compact = compactText(block.text);
    const date = parseDateAtEnd(compact);
    if (!date || date.start > 40) continue;
    const before = compact.slice(0, date.start);
    if (before && !looksLikeOrgan(before)) continue;
    const organLine = tail[k + 1] !== undefined ? (blocks[tail[k + 1]] as Extract<Block, { type: 'paragraph' }>) : undefined;
    const organ = before || (organLine && looksLikeOrgan(organLine.text) ? compactText(organLine.text) : null);
    const used = organ && !before && organLine ? [tail[k], tail[k + 1]] : [tail[k]];
    return { organ: organ ? stripSeal(organ) : null, dateText: compact.slice(date.start), date: date.iso, source: block.source, blocks: used };
  }
  return null;
}

function stripSeal(organ: string): string {
  return organ.replace(/[（(]?(?:盖章|公章|印章)[）)]?$/, '');
}

function findStatisticsPeriod(paragraphs: ProseParagraph[]): ProseAnalysis['statisticsPeriod'] {
  for (const paragraph of paragraphs) {
    const compact = compactText(paragraph.text);
    const match = /(\d{4})年1月1日(?:起)?(?:至|到|-|—|~)(?:(\d{4})年)?12月31日/.exec(compact);
    if (match) {
      const fromYear = Number(match[1]);
      return { text: match[0], fromYear, toYear: match[2] ? Number(match[2]) : fromYear };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Where a report ends

/**
 * Whether the pages read so far (paragraph texts per page) hold the end of the report: its last section 六
 * and then the date of its signature, or a whole page more after the page where 六 begins.
 */
export function reportHasEnded(pages: string[][]): boolean {
  const sixPage = pages.findIndex((texts) => sixHeadingIndex(texts) >= 0);
  if (sixPage < 0) return false;
  if (pages.length - 1 > sixPage) return true;
  const afterSix = pages[sixPage].slice(sixHeadingIndex(pages[sixPage]));
  return afterSix.some((text) => {
    const date = parseDateAtEnd(text);
    return date !== null && date.start <= 40;
  });
}

/** Asked again for every page read, about the same page arrays: remembered, or a long PDF costs n² headings. */
const sixHeadingIndexOf = new WeakMap<string[], number>();

function sixHeadingIndex(texts: string[]): number {
  let index = sixHeadingIndexOf.get(texts);
  if (index === undefined) {
    index = texts.findIndex((text) => matchHeading(text)?.section === '六');
    sixHeadingIndexOf.set(texts, index);
  }
  return index;
}

// ---------------------------------------------------------------------------------------------------------------
// Organ

export function organKindOf(organ: string | null): OrganKind {
  if (!organ) return 'other';
  const name = compactText(organ);
  if (/(?:乡|镇|街道)(?:人民政府)?$|街道办事处$|街道办$/.test(name)) return 'township';
  if (/人民政府办公(?:室|厅)$/.test(name)) return 'department';
  if (/(?:人民政府|行政公署)$/.test(name)) return 'government';
  if (ORGAN_SUFFIX.test(name)) return 'department';
  return 'other';
}
