// The engine as a function (docs/architecture.md "The world and step"): step(world, input) → { world, events,
// effects }. An input is a command, a proof from a miner outside the world, or the next scheduled thing (a
// message arriving, a timeout, the end of a hashing slice, a drawn proof, a periodic timer). Events say what
// happened, for people; effects ask the world outside to act (an external miner, an HTTP client's answer).
import { failure, type Failure } from '../core/errors';
import { applyCommand } from './apply';
import { Draft, type Effect } from './draft';
import type { SimEvent } from './events';
import { requestArrives, responseArrives } from './handle';
import { pop } from './heap';
import { proofFound, sliceDone } from './mining';
import { hostAnswered } from './hosts';
import { peerAnswered, resolve, timedOut } from './resolve';
import { CLIENT, type Input, type Scheduled, type World } from './world';

export interface StepResult {
  readonly world: World;
  readonly events: readonly SimEvent[];
  readonly effects: readonly Effect[];
  /** Why a command was refused; the world is then the one given, unchanged. */
  readonly error?: Failure;
}

export function step(w: World, input: Input): StepResult {
  try {
    return apply(w, input);
  } catch (e) {
    // A bug must not stop the clock or leave half a change behind: the input is refused (a command) or dropped
    // (anything scheduled), the world is otherwise the one given, and the error is an event people can read.
    const error = failure(
      'E_INTERNAL',
      `${describeInput(input)} failed: ${(e as Error)?.message ?? String(e)}`,
    );
    if (input.type !== 'due') return { world: w, events: [], effects: [], error };
    return { world: { ...w, n: w.n + 1 }, events: [{ type: 'error', at: w.time, error }], effects: [] };
  }
}

function describeInput(input: Input): string {
  switch (input.type) {
    case 'command':
      return `The command ${input.command.type}`;
    case 'found':
      return `${input.node}'s proof`;
    case 'inbound':
      return `The request ${input.request.method} ${input.request.path}`;
    case 'answer':
      return 'A peer’s answer';
    case 'due':
      return `A scheduled ${input.what.type}`;
  }
}

function apply(w: World, input: Input): StepResult {
  const d = new Draft(w);
  d.n++;
  switch (input.type) {
    case 'command': {
      const r = applyCommand(d, input.command);
      if (!r.ok) return { world: w, events: [], effects: [], error: r.error };
      break;
    }
    case 'found': {
      // It takes effect on the world's clock: queued for now, so a paused clock forges nothing.
      const { node, jobId, proof, hash, attempts } = input;
      d.after(0, { type: 'proof', node, jobId, proof, hash, attempts });
      break;
    }
    case 'due':
      due(d, input.what);
      break;
    case 'inbound':
      requestArrives(d, {
        type: 'request',
        from: CLIENT,
        to: input.to,
        request: input.request,
        replyTo: { kind: 'client', id: input.id },
      });
      break;
    case 'answer': {
      const o = input.outcome;
      hostAnswered(d, input);
      if ('response' in o)
        responseArrives(d, { type: 'response', to: CLIENT, response: o.response, replyTo: input.replyTo });
      else if (input.replyTo.kind === 'resolve') {
        const r = input.replyTo;
        peerAnswered(d, r.node, r.resolveId, r.slot, { error: o.error });
      }
      break;
    }
  }
  return { world: d.close(), events: d.events, effects: d.effects };
}

function due(d: Draft, s: Scheduled): void {
  switch (s.type) {
    case 'request':
      return requestArrives(d, s);
    case 'response':
      return responseArrives(d, s);
    case 'timeout':
      return peerAnswered(d, s.node, s.resolveId, s.slot, timedOut(s.peer, s.after));
    case 'slice':
      return sliceDone(d, s.node, s.jobId);
    case 'proof':
      return proofFound(d, s.node, s.jobId, s.proof, s.attempts);
    case 'periodic':
      if (!d.node(s.node)) return;
      resolve(d, s.node, 'periodic', null);
      d.after(d.params.resolveInterval, s);
      return;
  }
}

/** Whether a scheduled thing still matters: timers of a finished resolve or an older job are stale. */
function live(w: World, s: Scheduled): boolean {
  switch (s.type) {
    case 'request':
    case 'response':
      return true;
    case 'timeout': {
      const r = w.nodes.find((n) => n.id === s.node)?.resolving;
      return !!r && r.id === s.resolveId && r.answers[s.slot] === null;
    }
    case 'slice':
    case 'proof':
      return w.nodes.find((n) => n.id === s.node)?.job?.jobId === s.jobId;
    case 'periodic':
      return w.nodes.find((n) => n.id === s.node)?.periodic === s.timer;
  }
}

/** The world without stale entries at the front of its queue (the same world when there are none). */
export function dropStale(w: World): World {
  let q = w.queue;
  while (q && !live(w, q.top.item)) q = pop(q);
  return q === w.queue ? w : { ...w, queue: q };
}

/** When the next live scheduled input is due, or null when nothing is scheduled. */
export function nextTime(w: World): number | null {
  const q = dropStale(w).queue;
  return q ? q.top.time : null;
}

/** Run the next live scheduled input: the clock moves to its time. Null when nothing is scheduled. */
export function next(w: World): StepResult | null {
  const clean = dropStale(w);
  const q = clean.queue;
  if (!q) return null;
  const moved: World = { ...clean, queue: pop(q), time: Math.max(clean.time, q.top.time) };
  return step(moved, { type: 'due', what: q.top.item });
}

/** The clock set to `t` (never backwards) without running anything: call after every input due by `t` ran. */
export function setTime(w: World, t: number): World {
  return t > w.time ? { ...w, time: t } : w;
}
