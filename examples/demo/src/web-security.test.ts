import { describe, expect, it } from 'vitest';
import { csrfToken, MAX_FORM_BYTES, readForm, sameSiteForm, sameSitePath } from './web-security.js';

const form = (body: string, headers: Record<string, string> = {}) =>
  new Request('http://demo.test/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });

describe('the demo web defences', () => {
  it('keeps `next` on this site', () => {
    expect(sameSitePath('/i/abc?x=1')).toBe('/i/abc?x=1');
    for (const next of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      null,
    ])
      expect(sameSitePath(next), String(next)).toBe('/');
  });

  it('reads bounded urlencoded forms only', async () => {
    expect((await readForm(form('name=a'))) as URLSearchParams).toEqual(new URLSearchParams('name=a'));
    expect(await readForm(form(`name=${'x'.repeat(MAX_FORM_BYTES)}`))).toBe(413);
    expect(await readForm(form('{"name":"a"}', { 'content-type': 'application/json' }))).toBe(415);
  });

  it('accepts a form post only with this browser’s token and from this origin', () => {
    const { token, setCookie } = csrfToken(new Request('http://demo.test/'));
    expect(setCookie).toContain('SameSite=Strict');
    const cookie = `liebian_demo_csrf=${token}`;
    const withToken = new URLSearchParams({ csrf: token });
    expect(sameSiteForm(form('', { cookie, origin: 'http://demo.test' }), withToken)).toBe(true);
    expect(sameSiteForm(form('', { cookie }), withToken)).toBe(true);
    expect(sameSiteForm(form('', { cookie, origin: 'http://evil.test' }), withToken)).toBe(false);
    expect(sameSiteForm(form('', { cookie, origin: 'null' }), withToken)).toBe(false);
    expect(sameSiteForm(form('', { cookie }), new URLSearchParams({ csrf: 'guess' }))).toBe(false);
    expect(sameSiteForm(form(''), withToken)).toBe(false);
    expect(csrfToken(new Request('http://demo.test/', { headers: { cookie } }))).toEqual({
      token,
      setCookie: null,
    });
  });
});
