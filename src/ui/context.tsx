// Thin React hooks over the framework-free controller. Components read the store through narrow selectors and
// send commands; they never touch the simulation directly.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { AppState } from '../store/appStore';
import type { Controller } from '../store/controller';

export const ControllerContext = createContext<Controller | null>(null);

export function useController(): Controller {
  const c = useContext(ControllerContext);
  if (!c) throw new Error('useController must be used inside <ControllerContext.Provider>');
  return c;
}

/** Subscribe to one slice of the app state; re-renders only when that slice changes (Object.is). */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useController().store, selector);
}

/** Like useApp, for selectors that build a new array/object each time (compared shallowly). */
export function useAppShallow<T>(selector: (s: AppState) => T): T {
  return useStore(useController().store, useShallow(selector));
}

/** The selected node's view, or undefined. */
export function useSelectedNode() {
  return useApp((s) => s.nodes.find((n) => n.id === s.selected));
}
