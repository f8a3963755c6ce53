import { describe, expect, it } from 'vitest';
import { normaliseCode, PENDING_SIGN_IN_KEY, readPendingSignIn, storePendingSignIn } from './sign-in-state';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('pending sign-in', () => {
  it('is remembered until the code expires, and forgotten on request', () => {
    const storage = memoryStorage();
    storePendingSignIn({ email: 'a@example.org', expiresAt: 2_000 }, storage);
    expect(readPendingSignIn(storage, 1_000)).toEqual({ email: 'a@example.org', expiresAt: 2_000 });
    expect(readPendingSignIn(storage, 2_000)).toBeNull();
    storePendingSignIn(null, storage);
    expect(storage.items.has(PENDING_SIGN_IN_KEY)).toBe(false);
  });

  it('keeps another page’s step apart under its own key', () => {
    const storage = memoryStorage();
    storePendingSignIn({ email: 'a@example.org', expiresAt: 2_000 }, storage);
    storePendingSignIn({ email: 'b@example.org', expiresAt: 3_000 }, storage, 'alumni.join.pending');
    expect(readPendingSignIn(storage, 1_000)?.email).toBe('a@example.org');
    expect(readPendingSignIn(storage, 1_000, 'alumni.join.pending')?.email).toBe('b@example.org');
    storePendingSignIn(null, storage, 'alumni.join.pending');
    expect(readPendingSignIn(storage, 1_000, 'alumni.join.pending')).toBeNull();
    expect(readPendingSignIn(storage, 1_000)?.email).toBe('a@example.org');
  });

  it('ignores anything unreadable and survives a storage that throws', () => {
    const storage = memoryStorage();
    for (const raw of ['{', '"text"', '{"email":5,"expiresAt":9}', '{"email":"a@b.c"}']) {
      storage.items.set(PENDING_SIGN_IN_KEY, raw);
      expect(readPendingSignIn(storage, 0)).toBeNull();
    }
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(readPendingSignIn(broken, 0)).toBeNull();
    expect(() => storePendingSignIn({ email: 'a@b.c', expiresAt: 1 }, broken)).not.toThrow();
  });
});

describe('normaliseCode', () => {
  it('reads the code the way the API does', () => {
    expect(normaliseCode(' ab3-d4e ')).toBe('AB3D4E');
    expect(normaliseCode('ab 3d\t4e')).toBe('AB3D4E');
  });
});
