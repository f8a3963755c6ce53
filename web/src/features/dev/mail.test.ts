import { describe, expect, it } from 'vitest';
import { signInCodeOf } from './mail';

describe('signInCodeOf', () => {
  it('reads the code from a sign-in mail’s subject in either language', () => {
    expect(signInCodeOf({ subject: 'Your sign-in code: K7PX2M' })).toBe('K7PX2M');
    expect(signInCodeOf({ subject: 'Din inloggningskod: 23ABCZ' })).toBe('23ABCZ');
  });

  it('finds nothing in other mail or with letters a code never has', () => {
    expect(signInCodeOf({ subject: 'Welcome to Alumni' })).toBeUndefined();
    expect(signInCodeOf({ subject: 'Note: ALUMNI' })).toBeUndefined(); // I is never in a code
    expect(signInCodeOf({ subject: 'Code: AB0CDE' })).toBeUndefined(); // nor 0
    expect(signInCodeOf({ subject: '' })).toBeUndefined();
  });
});
