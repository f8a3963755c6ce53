import { describe, expect, it } from 'vitest';
import { DEFAULT_RETURN_TO, pathOf, sanitizeReturnTo, signInPath } from './return-to';

describe('sanitizeReturnTo', () => {
  it('keeps a path of this app with its query and fragment', () => {
    expect(sanitizeReturnTo('/admin/people')).toBe('/admin/people');
    expect(sanitizeReturnTo('/admin/audit?action=auth.sign-in&page=2#top')).toBe('/admin/audit?action=auth.sign-in&page=2#top');
    expect(sanitizeReturnTo('/departments/../admin/people')).toBe('/admin/people');
  });

  it.each([
    ['absent', null],
    ['empty', ''],
    ['another site', 'https://evil.example/steal'],
    ['a protocol-relative address', '//evil.example/x'],
    ['a back-slash trick', '/\\evil.example'],
    ['a back-slash later on', '/admin\\..\\..\\evil'],
    ['a scheme', 'javascript:alert(1)'],
    ['a data URL', 'data:text/html,hi'],
    ['a relative path', 'admin/people'],
    ['a tab that browsers strip', '/\t/evil.example'],
    ['a new line', '/admin\n/people'],
    ['white space', ' /admin/people'],
    ['the sign-in page itself', '/sign-in?returnTo=/admin'],
    ['a very long value', `/${'a'.repeat(3000)}`],
  ])('falls back to the start page for %s', (_, value) => {
    expect(sanitizeReturnTo(value)).toBe(DEFAULT_RETURN_TO);
  });

  it('uses the given fallback', () => {
    expect(sanitizeReturnTo('https://evil.example', '/x')).toBe('/x');
  });
});

describe('signInPath', () => {
  it('carries where to come back to, encoded', () => {
    expect(signInPath('/admin/people?q=a%20b')).toBe('/sign-in?returnTo=%2Fadmin%2Fpeople%3Fq%3Da%2520b');
    expect(signInPath('/me/sessions')).toBe('/sign-in?returnTo=%2Fme%2Fsessions');
    expect(signInPath('/departments')).toBe('/sign-in?returnTo=%2Fdepartments');
  });

  it('leaves out the start page and anything unsafe', () => {
    expect(signInPath()).toBe('/sign-in');
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('//evil.example')).toBe('/sign-in');
  });

  it('round-trips through sanitizeReturnTo', () => {
    const path = '/admin/audit?from=2025-01-01&to=2025-01-31#x';
    const query = new URLSearchParams(signInPath(path).split('?')[1]);
    expect(sanitizeReturnTo(query.get('returnTo'))).toBe(path);
  });
});

describe('pathOf', () => {
  it('joins a location', () => {
    expect(pathOf({ pathname: '/a', search: '?b=1', hash: '#c' })).toBe('/a?b=1#c');
    expect(pathOf({ pathname: '/a' })).toBe('/a');
  });
});
