import { useEffect, useRef } from 'react';

export type ShortcutAction = 'nextFinding' | 'previousFinding' | 'nextDocument' | 'previousDocument' | 'zoomIn' | 'zoomOut' | 'zoomReset' | 'help' | 'escape';

const KEY_ACTIONS: Record<string, ShortcutAction> = {
  j: 'nextFinding',
  ArrowDown: 'nextFinding',
  k: 'previousFinding',
  ArrowUp: 'previousFinding',
  n: 'nextDocument',
  p: 'previousDocument',
  '+': 'zoomIn',
  '=': 'zoomIn',
  '-': 'zoomOut',
  '_': 'zoomOut',
  '0': 'zoomReset',
  '?': 'help',
  Escape: 'escape',
};

export const SHORTCUT_HELP: [keys: string, what: string][] = [
  ['J 或 ↓', '下一个问题'],
  ['K 或 ↑', '上一个问题'],
  ['N', '下一份报告'],
  ['P', '上一份报告'],
  ['+ / −', '放大 / 缩小原文'],
  ['0', '原文恢复适合宽度'],
  ['?', '显示 / 关闭快捷键说明'],
  ['Esc', '取消选择'],
];

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  return element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
}

export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTyping(event.target)) return event.key === 'Escape' ? 'escape' : null;
  return KEY_ACTIONS[event.key.length === 1 ? event.key.toLowerCase() : event.key] ?? KEY_ACTIONS[event.key] ?? null;
}

export function useShortcuts(handler: (action: ShortcutAction) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action) return;
      if (action === 'escape' && isTyping(event.target)) {
        (event.target as HTMLElement).blur();
        return;
      }
      event.preventDefault();
      latest.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
