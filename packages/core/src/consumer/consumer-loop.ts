import type { Clock } from '../primitives/clock.js';
import type { PassResult, Scheduler } from './types.js';

interface LoopParts {
  readonly runOnce: () => Promise<PassResult>;
  readonly scheduler: Scheduler;
  readonly clock: Clock;
  readonly idleMs: number;
  readonly leaseMs: number;
  readonly onError: (error: unknown) => void;
  /** Gives the lease back once the loop has stopped. */
  readonly handBack: () => Promise<void>;
}

/**
 * The background loop of a consumer: a pass, then the next one right away after a full page, at the retry time
 * after a failure (renewing the lease at least every half lease meanwhile), or after `idleMs` otherwise.
 */
export function startLoop(parts: LoopParts): {
  start(): void;
  stop(): Promise<void>;
  notify(): void;
} {
  const { scheduler, clock } = parts;
  let running = false;
  let timer: unknown = null;
  let inFlight: Promise<void> | null = null;
  let wanted = false;

  const schedule = (ms: number) => {
    if (!running) return;
    if (timer !== null) scheduler.clearTimeout(timer);
    timer = scheduler.setTimeout(() => {
      timer = null;
      inFlight = pass().finally(() => {
        inFlight = null;
      });
    }, ms);
  };

  async function pass(): Promise<void> {
    wanted = false;
    let delay = parts.idleMs;
    try {
      const result = await parts.runOnce();
      if (result.status === 'more') delay = 0;
      if (result.status === 'waiting' && result.retryAt !== undefined)
        delay = Math.max(0, Math.min(result.retryAt - clock.now(), parts.leaseMs / 2));
    } catch (error) {
      parts.onError(error);
    }
    schedule(wanted ? 0 : delay);
  }

  return {
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    async stop() {
      running = false;
      if (timer !== null) scheduler.clearTimeout(timer);
      timer = null;
      await inFlight;
      await parts.handBack();
    },
    notify() {
      if (!running) return;
      if (inFlight) wanted = true;
      else schedule(0);
    },
  };
}
