/**
 * Signed invite tokens: `base64url(payload).base64url(HMAC-SHA256(payload))`, made and checked with WebCrypto
 * (Node 20+, browsers, edge runtimes). A forged, tampered or expired token is refused.
 */
export interface InviteClaims {
  readonly campaignId: string;
  readonly instanceId: string;
  readonly inviterId: string;
  readonly expiresAt: number;
}

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

async function key(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
}

export async function signInvite(claims: InviteClaims, secret: string): Promise<string> {
  const payload = encoder.encode(
    JSON.stringify([claims.campaignId, claims.instanceId, claims.inviterId, claims.expiresAt]),
  );
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', await key(secret), payload));
  return `${toBase64Url(payload)}.${toBase64Url(signature)}`;
}

export type InviteCheck =
  | { ok: true; claims: InviteClaims }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

export async function verifyInvite(token: string, secret: string, now: number): Promise<InviteCheck> {
  const [payloadPart, signaturePart, extra] = token.split('.');
  if (payloadPart === undefined || signaturePart === undefined || extra !== undefined)
    return { ok: false, reason: 'malformed' };
  const payload = fromBase64Url(payloadPart);
  const signature = fromBase64Url(signaturePart);
  if (!payload || !signature) return { ok: false, reason: 'malformed' };
  if (!(await crypto.subtle.verify('HMAC', await key(secret), signature, payload)))
    return { ok: false, reason: 'bad-signature' };
  let fields: unknown;
  try {
    fields = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!Array.isArray(fields) || fields.length !== 4) return { ok: false, reason: 'malformed' };
  const [campaignId, instanceId, inviterId, expiresAt] = fields as [string, string, string, number];
  if (now >= expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { campaignId, instanceId, inviterId, expiresAt } };
}
