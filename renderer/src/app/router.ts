/**
 * Hash routes: `#/`, `#/list`, `#/settings`, `#/batch-sheet`, `#/review/<id>`, `#/sheet/<id>`. The token stays in
 * the query string.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'start' }
  | { name: 'list' }
  | { name: 'settings' }
  | { name: 'batchSheet' }
  | { name: 'review'; id: string }
  | { name: 'sheet'; id: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'list') return { name: 'list' };
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'batch-sheet') return { name: 'batchSheet' };
  if ((parts[0] === 'review' || parts[0] === 'sheet') && parts[1]) return { name: parts[0], id: parts[1] };
  return { name: 'start' };
}

export function routeHash(route: Route): string {
  if (route.name === 'review' || route.name === 'sheet') return `#/${route.name}/${encodeURIComponent(route.id)}`;
  if (route.name === 'settings') return '#/settings';
  if (route.name === 'batchSheet') return '#/batch-sheet';
  return route.name === 'list' ? '#/list' : '#/';
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
