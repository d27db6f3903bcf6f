import { describe, expect, it } from 'vitest';
import { contactField } from './fields.js';

describe('contactField', () => {
  it.each([
    '400-800-1234',
    '+86 571 8888 6666',
    '(0571) 8888-6666',
    '400-800-1234转2',
    'help@example.com',
    'https://example.com/help',
  ])('accepts %s', (value) => {
    expect(contactField.safeParse(value).success).toBe(true);
  });

  it.each(['-', 'n/a', '客服', '12345', 'http://example.com', 'mailto', '——'])(
    'refuses %s with the fix',
    (value) => {
      const result = contactField.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message ?? '').toMatch(
        /phone number with at least 7 digits|must not be empty/,
      );
    },
  );
});
