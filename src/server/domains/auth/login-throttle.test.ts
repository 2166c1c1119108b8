import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  it('refuses after the limit and lets the key in again once the window passes', () => {
    let now = 0;
    const t = new LoginThrottle(3, 1000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfterMs('k')).toBe(0);
      t.fail('k');
      now += 100;
    }
    expect(t.retryAfterMs('k')).toBe(700);
    expect(t.retryAfterMs('other')).toBe(0);
    now = 1001;
    expect(t.retryAfterMs('k')).toBe(0);
  });

  it('forgets failures on success', () => {
    const t = new LoginThrottle(2, 1000, () => 0);
    t.fail('k');
    t.fail('k');
    expect(t.retryAfterMs('k')).toBeGreaterThan(0);
    t.succeed('k');
    expect(t.retryAfterMs('k')).toBe(0);
  });
});
