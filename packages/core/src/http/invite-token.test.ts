import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type InviteClaims, publicInvite, signInvite, verifyInvite } from './invite-token.js';

const secret = 'a long random secret for tests only';
const claims: InviteClaims = {
  campaignId: 'tea-set-bargain',
  instanceId: 'i-7f3a',
  inviterId: '13800138000', // a phone number: the kind of id that must never be readable in a link
  expiresAt: 1_800_000_000_000,
};
const now = 1_700_000_000_000;

function decode(token: string): Uint8Array {
  const binary = atob(token.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
function encode(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

describe('invite tokens', () => {
  it('round-trips the claims on the server', async () => {
    const token = await signInvite(claims, secret);
    expect(await verifyInvite(token, secret, now)).toEqual({ ok: true, claims });
    expect(publicInvite(claims)).toEqual({
      campaignId: 'tea-set-bargain',
      instanceId: 'i-7f3a',
      expiresAt: 1_800_000_000_000,
    });
  });

  it('reveals no claim in the token, in any decoding', async () => {
    const token = await signInvite(claims, secret);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    const bytes = new TextDecoder('latin1').decode(decode(token));
    for (const text of [token, bytes])
      for (const value of ['13800138000', 'tea-set-bargain', 'i-7f3a', '1800000000000'])
        expect(text).not.toContain(value);
  });

  it('gives the same token for the same claims and a different one for another inviter', async () => {
    const a = await signInvite(claims, secret);
    expect(await signInvite(claims, secret)).toBe(a);
    expect(await signInvite({ ...claims, inviterId: '13800138001' }, secret)).not.toBe(a);
  });

  it('refuses a token with any single bit flipped, tag or ciphertext', async () => {
    const bytes = decode(await signInvite(claims, secret));
    const reasons = new Set<string>();
    for (let i = 1; i < bytes.length; i++)
      for (let bit = 0; bit < 8; bit++) {
        const tampered = bytes.slice();
        tampered[i] = (tampered[i] as number) ^ (1 << bit);
        const check = await verifyInvite(encode(tampered), secret, now);
        expect(check.ok).toBe(false);
        if (!check.ok) reasons.add(check.reason);
      }
    expect([...reasons]).toEqual(['bad-signature']);
  });

  it('refuses a token made with another secret, truncated, extended or of another version', async () => {
    const token = await signInvite(claims, secret);
    const bytes = decode(token);
    expect(await verifyInvite(await signInvite(claims, 'another secret'), secret, now)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect((await verifyInvite(encode(bytes.slice(0, -1)), secret, now)).ok).toBe(false);
    expect((await verifyInvite(encode(new Uint8Array([...bytes, 0])), secret, now)).ok).toBe(false);
    expect(await verifyInvite(encode(new Uint8Array([2, ...bytes.slice(1)])), secret, now)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    for (const junk of ['', 'x', 'abc.def', '%%%', encode(bytes.slice(0, 17))])
      expect(await verifyInvite(junk, secret, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses an expired token, from the instant it expires', async () => {
    const token = await signInvite(claims, secret);
    expect((await verifyInvite(token, secret, claims.expiresAt - 1)).ok).toBe(true);
    expect(await verifyInvite(token, secret, claims.expiresAt)).toEqual({ ok: false, reason: 'expired' });
  });

  it('never accepts a random string as a token (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        expect((await verifyInvite(text, secret, now)).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips any claims (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          campaignId: fc.string(),
          instanceId: fc.string(),
          inviterId: fc.string(),
          expiresAt: fc.double({ min: now + 1, max: 8.64e15, noNaN: true }),
        }),
        async (any) => {
          expect(await verifyInvite(await signInvite(any, secret), secret, now)).toEqual({
            ok: true,
            claims: any,
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
