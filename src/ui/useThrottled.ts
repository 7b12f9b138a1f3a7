import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but while `throttle` is on it is at most `ms` behind and moves on at most once every `ms` (to the
 * latest value then). For copies that are read on demand, not watched: they need not follow a store that
 * changes ten times a second.
 */
export function useThrottled<T>(value: T, ms: number, throttle: boolean): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Not throttled, the copy is the value itself; kept in step so that turning throttling on starts from it.
  if (!throttle && shown !== value) setShown(value);
  useEffect(() => {
    latest.current = value;
    if (!throttle || timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      setShown(latest.current);
    }, ms);
  }, [value, ms, throttle]);
  useEffect(
    () => () => {
      // Cleared and forgotten: React's StrictMode unmounts and mounts again, and a remembered dead timer would
      // keep the copy from ever moving on.
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    },
    [],
  );
  return throttle ? shown : value;
}
