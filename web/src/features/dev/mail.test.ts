import { describe, expect, it } from 'vitest';
import { listHeadersOf, preferenceTokenOf, signInCodeOf, textParts, unsubscribeAddresses } from './mail';

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

describe('a newsletter mail’s unsubscribe addresses', () => {
  it('reads the web link and the mailto of List-Unsubscribe, in either order', () => {
    expect(unsubscribeAddresses('<https://a.example/api/newsletters/unsubscribe/T1>, <mailto:u@a.example?subject=unsubscribe-T1>')).toEqual({
      web: 'https://a.example/api/newsletters/unsubscribe/T1',
      mailto: 'mailto:u@a.example?subject=unsubscribe-T1',
    });
    expect(unsubscribeAddresses('<mailto:u@a.example>,<http://localhost:5000/x>')).toEqual({ mailto: 'mailto:u@a.example', web: 'http://localhost:5000/x' });
    expect(unsubscribeAddresses('nonsense')).toEqual({});
  });

  it('finds the token of a one-click address or a preference page, and nothing in another address', () => {
    expect(preferenceTokenOf('https://a.example/api/newsletters/unsubscribe/Ab-9_z')).toBe('Ab-9_z');
    expect(preferenceTokenOf('http://localhost:5000/preferences/Ab-9_z')).toBe('Ab-9_z');
    expect(preferenceTokenOf('https://a.example/events/1')).toBeUndefined();
    expect(preferenceTokenOf('not a url')).toBeUndefined();
  });

  it('cuts a text into plain text and links, a preference page pointing into the app, a full stop left outside', () => {
    expect(textParts('See https://a.example/preferences/T1. Or https://b.example/x, then stop')).toEqual([
      { text: 'See ' },
      { text: 'https://a.example/preferences/T1', href: 'https://a.example/preferences/T1', appPath: '/preferences/T1' },
      { text: '. Or ' },
      { text: 'https://b.example/x', href: 'https://b.example/x' },
      { text: ', then stop' },
    ]);
    expect(textParts('')).toEqual([]);
  });
});

describe('listHeadersOf', () => {
  it('picks the list header fields in a fixed order, whatever their case', () => {
    const headers = [
      { name: 'From', value: 'a' },
      { name: 'list-id', value: 'L' },
      { name: 'DKIM-Signature', value: 'v=1' },
      { name: 'List-Unsubscribe', value: 'U' },
    ];
    expect(listHeadersOf({ headers }).map((h) => h.name)).toEqual(['List-Unsubscribe', 'list-id', 'DKIM-Signature']);
  });
});
