/** The dashboard's filter and sort, kept for the tab's session: open a report, come back, the view is as left. */
import { useCallback, useState } from 'react';
import { EMPTY_VIEW, type DashboardView } from './dashboard-model';

const STORAGE_KEY = 'nianbao.dashboard.view';
let remembered: DashboardView | null = null;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function initialView(): DashboardView {
  if (remembered) return remembered;
  try {
    const text = storage()?.getItem(STORAGE_KEY);
    return text ? { ...EMPTY_VIEW, ...(JSON.parse(text) as Partial<DashboardView>) } : EMPTY_VIEW;
  } catch {
    return EMPTY_VIEW;
  }
}

export function useDashboardView(): [DashboardView, (change: Partial<DashboardView>) => void] {
  const [view, setView] = useState(initialView);
  const update = useCallback((change: Partial<DashboardView>) => {
    setView((current) => {
      const next = { ...current, ...change };
      remembered = next;
      storage()?.setItem(STORAGE_KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  return [view, update];
}
