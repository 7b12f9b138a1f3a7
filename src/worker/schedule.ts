// How the miner loop yields between chunks in a browser.
//
// A zero delay goes through a MessageChannel: nested setTimeout(0) is clamped to ≥ 4 ms (HTML timers, nesting
// level > 5), which would idle a 15 ms chunk cycle by a fifth. A message on a channel runs after messages that
// are already queued, so a pending `stop` is still seen between two chunks.
export type Schedule = (fn: () => void, delayMs: number) => void;

export function createSchedule(zeroDelay: 'message-channel' | 'timeout'): Schedule {
  if (zeroDelay === 'timeout' || typeof MessageChannel === 'undefined') {
    return (fn, delayMs) => void setTimeout(fn, delayMs);
  }
  const queue: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => queue.shift()?.();
  return (fn, delayMs) => {
    if (delayMs > 0) {
      setTimeout(fn, delayMs);
      return;
    }
    queue.push(fn);
    channel.port2.postMessage(null);
  };
}
