import { useCallback, useEffect, useState } from 'react';
import { LINK_PREFIX } from '../share/link';
import { FIRST_VIEW, viewFromHash, type ViewId } from './views';

const hashNow = () => (typeof window === 'undefined' ? '' : window.location.hash);

/**
 * The open view, kept in the address bar's hash. Choosing a view adds a history entry (Back returns to the
 * previous view), except over a share link, which it replaces: going Back to "#s=…" would replay the shared run
 * over the class's current one (src/ui/startFromLocation.ts listens for that hash).
 */
export function useView(): [ViewId, (view: ViewId) => void] {
  const [view, setView] = useState<ViewId>(() => viewFromHash(hashNow()) ?? FIRST_VIEW);

  useEffect(() => {
    const follow = () => {
      const fromHash = viewFromHash(window.location.hash);
      if (fromHash) setView(fromHash);
      else if (window.location.hash === '') setView(FIRST_VIEW);
    };
    // Back and Forward fire popstate; a hash typed or pasted into the address bar fires hashchange.
    window.addEventListener('popstate', follow);
    window.addEventListener('hashchange', follow);
    return () => {
      window.removeEventListener('popstate', follow);
      window.removeEventListener('hashchange', follow);
    };
  }, []);

  const choose = useCallback((next: ViewId) => {
    setView(next);
    if (window.location.hash === `#${next}`) return;
    const url = `${window.location.pathname}${window.location.search}#${next}`;
    if (window.location.hash.startsWith(LINK_PREFIX)) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
  }, []);

  return [view, choose];
}
