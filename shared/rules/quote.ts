/**
 * Document text quoted in a finding's message, cut to a readable length: a hostile or broken document can put
 * a whole chapter in one cell or label, and the message is what the reviewer reads in a list. The finding's own
 * fields (`raw`, `actual`, `text`) keep the whole text.
 */
const MAX_QUOTED = 60;

export function quoted(text: string, max = MAX_QUOTED): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…（共 ${chars.length} 字）`;
}
