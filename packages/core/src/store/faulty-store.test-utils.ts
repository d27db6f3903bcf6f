import type { Store } from './store.js';

/** What an injected fault does to one store call. */
export type Fault = 'none' | 'fail-before' | 'fail-after';

/**
 * A store whose calls fail as `plan` says: `fail-before` throws without calling the store (a refused connection),
 * `fail-after` lets the call apply and then throws (the answer was lost). Faults are off while `faults.on` is false.
 */
export function faultyStore(store: Store, plan: (operation: string) => Fault) {
  const faults = { on: true, injected: 0 };
  const faulty = new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' || typeof name !== 'string' || name === 'dispose') return value;
      return async (...args: unknown[]) => {
        const fault = faults.on ? plan(name) : 'none';
        if (fault === 'fail-before') {
          faults.injected++;
          throw new Error(`injected: connection refused before ${name}`);
        }
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (fault === 'fail-after') {
          faults.injected++;
          throw new Error(`injected: connection terminated after ${name} applied`);
        }
        return result;
      };
    },
  });
  return { store: faulty, faults };
}
