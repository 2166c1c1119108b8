/**
 * Remembers who a session cookie or API token belongs to for a few seconds, so a busy client costs one
 * look-up per interval instead of one per request. Sign-out, revocation and changes to a user made in
 * this process take effect at once; other processes sharing a PostgreSQL server see them within `ttlMs`.
 */
export class AuthCache<T> {
  private entries = new Map<string, { value: T; userId: number; until: number }>();

  constructor(
    private readonly ttlMs = 15_000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  /** Keeps `value` until the TTL passes or `notAfter` (the credential's own end), whichever is first. */
  set(key: string, value: T, userId: number, notAfter?: number): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    const until = Math.min(this.now() + this.ttlMs, notAfter ?? Number.POSITIVE_INFINITY);
    this.entries.set(key, { value, userId, until });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  forgetUser(userId: number): void {
    for (const [key, e] of this.entries) if (e.userId === userId) this.entries.delete(key);
  }
}
