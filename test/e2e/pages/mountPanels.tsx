// How the test pages that show panels (lessonsPage.tsx, gpuNodePage.tsx) put them on screen: the views' English
// texts first, as the app loads them with the views' code (src/i18n/i18n.ts loadViewTexts), then the panels in
// the controller's context, its live clock driven by requestAnimationFrame as src/ui/App.tsx drives the app's.
import { useEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadViewTexts } from '../../../src/i18n/i18n';
import type { Controller } from '../../../src/store/controller';
import { ControllerContext } from '../../../src/ui/context';
import '../../../src/ui/app.css';

function Ticking({ controller, children }: { controller: Controller; children: ReactNode }) {
  useEffect(() => {
    let id = 0;
    const frame = (t: number) => {
      controller.tick(t);
      id = requestAnimationFrame(frame);
    };
    id = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(id);
  }, [controller]);
  return <ControllerContext.Provider value={controller}>{children}</ControllerContext.Provider>;
}

/** Renders `panels` into #root once the texts are in. */
export async function mountPanels(controller: Controller, panels: ReactNode): Promise<void> {
  await loadViewTexts();
  createRoot(document.getElementById('root') as HTMLElement).render(
    <Ticking controller={controller}>{panels}</Ticking>,
  );
}
