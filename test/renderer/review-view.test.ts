// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../renderer/src/app/api-context';
import { App } from '../../renderer/src/app/App';
import { SessionProvider } from '../../renderer/src/app/session';
import { createFakeApi } from './helpers/fake-api';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
Element.prototype.scrollIntoView = () => {};
(globalThis as { CSS?: unknown }).CSS ??= { escape: (value: string) => value.replace(/["\\]/g, '\\$&') };

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => void (await new Promise((resolve) => setTimeout(resolve, 20))));
}

describe('review view against a fake transport', () => {
  let container: HTMLDivElement;
  afterEach(() => container?.remove());

  it('colours the d19 table-3 error and highlights a selected finding', async () => {
    window.location.hash = '#/review/d19';
    container = document.body.appendChild(document.createElement('div'));
    const api = createFakeApi();
    await act(async () => {
      const app = createElement(SessionProvider, null, createElement(App));
      createRoot(container).render(createElement(ApiProvider, { client: { api, transport: 'http' }, children: app }));
    });
    await settle();
    const cell = (id: string) => container.querySelector(`[data-testid="tables"] td[data-cell-id="${id}"]`)!;
    expect(cell('table3.granted.naturalPerson').className).toContain('sev-error');
    expect(container.querySelectorAll('[data-root-cause="table3.granted.naturalPerson"] .finding')).toHaveLength(2);

    await act(async () => (container.querySelector('.finding[data-rule="T3-COL-SUM"]') as HTMLElement).click());
    expect(cell('table3.resultTotal.naturalPerson').className).toContain('is-focus');
    expect(cell('table3.unable.notHeld.naturalPerson').className).toContain('is-involved');
    expect(cell('table3.granted.total').className).not.toContain('is-');
  });
});
