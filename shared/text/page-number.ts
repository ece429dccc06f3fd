/** A line that is only a page number: “— 3 —”, “- 3 -”, “3”, “第3页”, “3/5”, “第3页/共5页”. */
import { compactText } from './normalize';

const PAGE_NUMBER = /^[-—–_·]*(?:第)?\d{1,4}(?:页)?(?:[/／](?:共)?\d{1,4}页?)?[-—–_·]*$/;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(compactText(text));
}
