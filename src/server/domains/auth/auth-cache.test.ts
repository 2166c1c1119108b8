import { describe, expect, it } from 'vitest';
import { AuthCache } from './auth-cache';

describe('AuthCache', () => {
  it('expires entries after the TTL or at the credential’s own end', () => {
    let now = 0;
    const c = new AuthCache<string>(1000, 10, () => now);
    c.set('a', 'A', 1);
    c.set('b', 'B', 2, 300);
    now = 299;
    expect([c.get('a'), c.get('b')]).toEqual(['A', 'B']);
    now = 300;
    expect([c.get('a'), c.get('b')]).toEqual(['A', undefined]);
    now = 1000;
    expect(c.get('a')).toBeUndefined();
  });

  it('forgets every credential of a user, and evicts the oldest when full', () => {
    const c = new AuthCache<string>(1000, 2, () => 0);
    c.set('s1', 'x', 7);
    c.set('t1', 'y', 7);
    c.forgetUser(7);
    expect([c.get('s1'), c.get('t1')]).toEqual([undefined, undefined]);
    c.set('a', 'A', 1);
    c.set('b', 'B', 1);
    c.set('c', 'C', 1);
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual([undefined, 'B', 'C']);
  });
});
