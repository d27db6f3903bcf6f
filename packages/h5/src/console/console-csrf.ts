/**
 * CSRF tokens of the console: `<issued at>.<HMAC-SHA256(secret, operator id + issued at)>`, so a token belongs to
 * one operator, cannot be made without the secret, and expires. WebCrypto only (runs wherever `fetch` does).
 */

const TOKEN_MS = 12 * 60 * 60 * 1000;
const encoder = new TextEncoder();

async function sign(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(text)));
  return btoa(String.fromCharCode(...mac))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/** A token for `operatorId`'s forms, issued at `now`. */
export async function csrfToken(secret: string, operatorId: string, now: number): Promise<string> {
  return `${now}.${await sign(secret, `${operatorId}\n${now}`)}`;
}

/** Whether `token` was issued to `operatorId` by this secret within the last 12 hours. */
export async function csrfValid(
  secret: string,
  operatorId: string,
  token: string,
  now: number,
): Promise<boolean> {
  const match = /^(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return false;
  const issued = Number(match[1]);
  if (issued > now + 60_000 || now - issued > TOKEN_MS) return false;
  const expected = await sign(secret, `${operatorId}\n${issued}`);
  // Compared in full whatever the first difference (no early exit on a mismatch).
  let diff = 0;
  for (let i = 0; i < expected.length; i++)
    diff |= expected.charCodeAt(i) ^ (match[2] as string).charCodeAt(i);
  return diff === 0;
}
