// Shared by the Chain panel tests: a jsdom stand-in for the block list's layout, and small readers.
import { screen } from '@testing-library/react';
import { afterAll, beforeAll } from 'vitest';
import type { Chain } from '../../src/core/types';
import type { Controller } from '../../src/store/controller';

// jsdom has no layout: give the block list a viewport so the virtualiser renders a window of cards, a scroll
// height, and an element scrollTo (jsdom lacks it) that moves scrollTop and fires the scroll event like a browser.
const VIEWPORT = 600;

/** Call at the top of a test file. */
export function mockListLayout() {
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('chain-scroll') ? VIEWPORT : 0;
      },
    });
    // The virtualiser clamps scrollToIndex to scrollHeight − clientHeight: the list's height is its total size.
    Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
      configurable: true,
      get(this: HTMLElement) {
        const list = this.classList.contains('chain-scroll')
          ? (this.firstElementChild as HTMLElement | null)
          : null;
        return list ? parseFloat(list.style.height) || 0 : 0;
      },
    });
    HTMLElement.prototype.scrollTo = function (this: HTMLElement, opts?: ScrollToOptions | number) {
      if (typeof opts === 'object' && opts.top !== undefined) this.scrollTop = opts.top;
      this.dispatchEvent(new Event('scroll'));
    };
  });
  afterAll(() => {
    delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
    delete (HTMLElement.prototype as { scrollTo?: unknown }).scrollTo;
    delete (HTMLElement.prototype as { scrollHeight?: number }).scrollHeight;
  });
}

export const chainOf = (c: Controller, id: string): Chain =>
  c.store.getState().nodes.find((n) => n.id === id)?.chain ?? [];

export const card = (n: number) => screen.getByRole('article', { name: `Block ${n}` });

/** The valid mark of block n as read on screen: icon and word. */
export const mark = (n: number) => card(n).querySelector('.mark')?.textContent;
