import { parseChannel } from '../engine/event-record.js';

/**
 * Invite tokens: opaque and signed, made and checked with WebCrypto (Node 20+, browsers, edge runtimes).
 *
 * A token is `base64url(version ‖ tag ‖ ciphertext)`: the claims (campaign, instance, inviter, expiry and, when
 * the link was made for one, the channel it is shared to) are
 * encrypted with AES-256-CTR under a synthetic IV that is their HMAC-SHA-256 tag (the SIV construction), both keys
 * derived from the secret with HKDF. Nothing in a shared link is readable without the secret, so the inviter's user
 * id (in production a phone number or an openid) never travels in it; the server resolves it with `verifyInvite`.
 * The tag authenticates the plaintext: a forged, tampered or truncated token is refused, and so is an expired one.
 * Equal claims give equal tokens (no randomness to inject); that reveals only that two links are the same link.
 */
/**
 * What an invite token carries, readable only with the secret: where it leads, who shared it, until when.
 *
 * @example
 * const claims: InviteClaims = { campaignId: 'tea-set-bargain', instanceId, inviterId: actor.id, expiresAt };
 * const token = await signInvite(claims, secret);
 */
export interface InviteClaims {
  readonly campaignId: string;
  readonly instanceId: string;
  /** Server-side only: never send it to a browser (`GET /invites/:token` answers {@link PublicInvite}). */
  readonly inviterId: string;
  readonly expiresAt: number;
  /**
   * Where the inviter shares the link (`moments` 朋友圈, `group` 群, `chat` 私聊, `poster` 海报, any
   * `[a-z0-9-]{1,32}`), sealed inside like the rest: the friend's events sent with the token are counted under it.
   * Absent: not known (tokens made before channels existed verify as before, without one).
   */
  readonly channel?: string;
}

/**
 * What anyone holding a link may learn from it: where it leads and until when, not who shared it nor the channel.
 *
 * @example
 * const shown: PublicInvite = publicInvite(claims); // { campaignId, instanceId, expiresAt }: no inviterId, no channel
 */
export type PublicInvite = Omit<InviteClaims, 'inviterId' | 'channel'>;

const VERSION = 1;
const CHANNEL = /^[a-z0-9-]{1,32}$/;
const TAG_BYTES = 16;
const encoder = new TextEncoder();

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

interface Keys {
  readonly enc: CryptoKey;
  readonly mac: CryptoKey;
}

const cache = new Map<string, Promise<Keys>>();

async function deriveKeys(secret: string): Promise<Keys> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey']);
  const hkdf = (info: string) => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: encoder.encode('liebian invite token'),
    info: encoder.encode(info),
  });
  const [enc, mac] = await Promise.all([
    crypto.subtle.deriveKey(hkdf('encrypt v1'), material, { name: 'AES-CTR', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]),
    crypto.subtle.deriveKey(hkdf('sign v1'), material, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
  ]);
  return { enc, mac };
}

function keys(secret: string): Promise<Keys> {
  let found = cache.get(secret);
  if (!found) {
    if (cache.size >= 8) cache.clear(); // a handler has one secret; a rotation has two
    found = deriveKeys(secret);
    cache.set(secret, found);
  }
  return found;
}

async function tagOf(mac: CryptoKey, plaintext: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const signed = new Uint8Array(plaintext.length + 1);
  signed[0] = VERSION;
  signed.set(plaintext, 1);
  return new Uint8Array(await crypto.subtle.sign('HMAC', mac, signed)).slice(0, TAG_BYTES);
}

function ctr(tag: Uint8Array<ArrayBuffer>): AesCtrParams {
  return { name: 'AES-CTR', counter: tag, length: 64 };
}

/** Compares in time that depends only on the length, so the tag cannot be guessed byte by byte. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

/**
 * Makes the opaque, signed token of an invite link. `createHandler` calls it for `POST /instances/:id/invites`;
 * call it yourself only to mint links outside the handler (a poster printed by your backend). A `channel` that is
 * not `[a-z0-9-]{1,32}` is `invalid-argument`.
 *
 * @example
 * const token = await signInvite(
 *   { campaignId: 'tea-set-bargain', instanceId, inviterId: actor.id, expiresAt: Date.now() + 7 * 86_400_000, channel: 'poster' },
 *   process.env.INVITE_SECRET,
 * );
 * const link = `https://example.com/invite/${token}`; // no user id readable in it
 */
export async function signInvite(claims: InviteClaims, secret: string): Promise<string> {
  const { enc, mac } = await keys(secret);
  // Four fields as before channels existed (such tokens stay byte for byte the same); a channel is a fifth.
  const fields: unknown[] = [claims.campaignId, claims.instanceId, claims.inviterId, claims.expiresAt];
  if (claims.channel !== undefined) fields.push(parseChannel(claims.channel));
  const plaintext = encoder.encode(JSON.stringify(fields));
  const tag = await tagOf(mac, plaintext);
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt(ctr(tag), enc, plaintext));
  const token = new Uint8Array(1 + TAG_BYTES + ciphertext.length);
  token[0] = VERSION;
  token.set(tag, 1);
  token.set(ciphertext, 1 + TAG_BYTES);
  return toBase64Url(token);
}

/**
 * The answer of {@link verifyInvite}: the claims, or why the token is refused.
 *
 * @example
 * const check: InviteCheck = await verifyInvite(token, secret, Date.now());
 * const inviterId = check.ok ? check.claims.inviterId : null;
 */
export type InviteCheck =
  | { ok: true; claims: InviteClaims }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

function claimsOf(fields: unknown): InviteClaims | null {
  if (!Array.isArray(fields) || (fields.length !== 4 && fields.length !== 5)) return null;
  const [campaignId, instanceId, inviterId, expiresAt, channel] = fields as unknown[];
  if (typeof campaignId !== 'string' || typeof instanceId !== 'string' || typeof inviterId !== 'string')
    return null;
  if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt)) return null;
  if (fields.length === 4) return { campaignId, instanceId, inviterId, expiresAt };
  if (typeof channel !== 'string' || !CHANNEL.test(channel)) return null;
  return { campaignId, instanceId, inviterId, expiresAt, channel };
}

/**
 * Checks a token and, on the server, resolves whom it came from. A token whose tag does not match its content
 * (forged, tampered, made with another secret) is `bad-signature`; one that is not a token at all is `malformed`.
 *
 * @example
 * const check = await verifyInvite(token, process.env.INVITE_SECRET, Date.now());
 * if (check.ok) await recordReferral(check.claims.inviterId, actor.id); // server-side only
 * else console.warn('invite refused:', check.reason); // 'malformed' | 'bad-signature' | 'expired'
 */
export async function verifyInvite(token: string, secret: string, now: number): Promise<InviteCheck> {
  const bytes = fromBase64Url(token);
  if (!bytes || bytes.length <= 1 + TAG_BYTES || bytes[0] !== VERSION)
    return { ok: false, reason: 'malformed' };
  const { enc, mac } = await keys(secret);
  const tag = bytes.slice(1, 1 + TAG_BYTES);
  const plaintext = new Uint8Array(await crypto.subtle.decrypt(ctr(tag), enc, bytes.slice(1 + TAG_BYTES)));
  if (!sameBytes(tag, await tagOf(mac, plaintext))) return { ok: false, reason: 'bad-signature' };
  let claims: InviteClaims | null;
  try {
    claims = claimsOf(JSON.parse(new TextDecoder().decode(plaintext)));
  } catch {
    claims = null;
  }
  if (!claims) return { ok: false, reason: 'malformed' };
  if (now >= claims.expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

/**
 * The part of an invite's claims that may leave the server.
 *
 * @example
 * const check = await verifyInvite(token, secret, Date.now());
 * if (check.ok) return Response.json(publicInvite(check.claims)); // { campaignId, instanceId, expiresAt }
 */
export function publicInvite(claims: InviteClaims): PublicInvite {
  return { campaignId: claims.campaignId, instanceId: claims.instanceId, expiresAt: claims.expiresAt };
}
