/**
 * Resolves on the next turn of the event loop, after the microtasks already queued and the I/O already due: Node's
 * `setImmediate`, a zero timeout where there is none (a browser running the engine for a preview).
 */
export const nextTurn = (): Promise<void> =>
  new Promise((resolve) => {
    const { setImmediate } = globalThis as { setImmediate?: (run: () => void) => unknown };
    if (setImmediate) setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
