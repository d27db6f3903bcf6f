import { LiebianError } from '@liebian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfToken } from './console-csrf.js';
import { type ConsoleWorld, NOW, SECRET, startConsoleWorld } from './console-fixture.test-utils.js';

let world: ConsoleWorld;
/** Fails the next compare-and-set of a held event as a lost connection would: it may or may not have applied. */
let failNextDecision = false;
beforeAll(async () => {
  world = await startConsoleWorld({
    wrap: (store) =>
      new Proxy(store, {
        get(target, name, receiver) {
          const value = Reflect.get(target, name, receiver);
          if (name !== 'updateRecord' || typeof value !== 'function') return value;
          return async (...args: unknown[]) => {
            if (failNextDecision && args[0] === 'reviews') {
              failNextDecision = false;
              throw new LiebianError('store-unavailable', 'connection lost (injected)');
            }
            return value.apply(target, args);
          };
        },
      }),
  });
});
afterAll(() => world?.close());

describe('the console when the store fails', () => {
  it('answers 503 without recording a refusal, and the same form sent again does it once', async () => {
    const id = await world.heldId('help-suspect-1');
    const form = new URLSearchParams({
      csrf: await csrfToken(SECRET, 'olga', NOW),
      key: 'fault-key-0001',
      id,
      decision: 'approve',
      confirm: '1',
    }).toString();
    const send = () =>
      fetch(`${world.origin}/console/reviews`, {
        method: 'POST',
        body: form,
        redirect: 'manual',
        headers: { cookie: 'op=olga', 'content-type': 'application/x-www-form-urlencoded' },
      });
    failNextDecision = true;
    const lost = await send();
    expect(lost.status).toBe(503);
    expect(await lost.text()).toContain('重新提交同一张表单是安全的');
    expect((await world.engine.reviews({ status: 'pending' })).map((r) => r.id)).toContain(id);
    const again = await send();
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).not.toContain('again=1'); // the interrupted action was done, not skipped
    const [review] = (await world.engine.reviews({ status: 'approved' })).filter((r) => r.id === id);
    expect(review?.decision?.by).toBe('olga');
    const audit = await fetch(`${world.origin}/console/audit`, { headers: { cookie: 'op=olga' } });
    const html = await audit.text();
    expect(html.match(/data-audit="review.approve"/g)).toHaveLength(1);
    expect(html).not.toContain('被拒绝');
  });
});
