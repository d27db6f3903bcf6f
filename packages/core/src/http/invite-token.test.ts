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

  it('seals the channel inside: round trip, unreadable, and part of what the tag signs', async () => {
    const withChannel: InviteClaims = { ...claims, channel: 'moments' };
    const token = await signInvite(withChannel, secret);
    expect(await verifyInvite(token, secret, now)).toEqual({ ok: true, claims: withChannel });
    expect(publicInvite(withChannel)).not.toHaveProperty('channel');
    const bytes = new TextDecoder('latin1').decode(decode(token));
    for (const text of [token, bytes]) expect(text).not.toContain('moments');
    const others = await Promise.all(
      ['group', 'chat', 'poster'].map((channel) => signInvite({ ...claims, channel }, secret)),
    );
    expect(new Set([token, await signInvite(claims, secret), ...others]).size).toBe(5);
    // The channel cannot be moved from one token to another: each token's tag covers its own channel.
    const [a, b] = [decode(token), decode(others[0] as string)];
    const spliced = new Uint8Array([...a.slice(0, 17), ...b.slice(17)]);
    expect(await verifyInvite(encode(spliced), secret, now)).toEqual({ ok: false, reason: 'bad-signature' });
    await expect(signInvite({ ...claims, channel: 'Moments!' }, secret)).rejects.toMatchObject({
      code: 'invalid-argument',
    });
  });

  it('still verifies a token made before channels existed, without a channel', async () => {
    // Minted by the previous release's signInvite (four fields); it must keep working after the upgrade.
    const old =
      'AeEQj9WeAjNr8Fb2I6YCh2pYnOWsO2_BZX_TZjRSjShavOtoJ-Lrat90kU7sxIbUajk9NvtExzPqlSL_MzHwMKBQaacwSoXHjA';
    expect(await verifyInvite(old, secret, now)).toEqual({ ok: true, claims });
    expect(await signInvite(claims, secret)).toBe(old);
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
          channel: fc.option(fc.stringMatching(/^[a-z0-9-]{1,32}$/), { nil: undefined }),
        }),
        async ({ channel, ...rest }) => {
          const any: InviteClaims = channel === undefined ? rest : { ...rest, channel };
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
