import { TokenBucket } from './token-bucket';

/** One token bucket per key (a client address), forgetting keys that have been quiet for a while. */
export class RateByKey {
  private buckets = new Map<string, { bucket: TokenBucket; seen: number }>();

  constructor(
    private rate: number,
    private burst: number,
    private forgetAfterMs = 10 * 60_000,
  ) {}

  take(key: string): boolean {
    const now = Date.now();
    if (this.buckets.size > 10_000) {
      for (const [k, v] of this.buckets) if (now - v.seen > this.forgetAfterMs) this.buckets.delete(k);
    }
    let entry = this.buckets.get(key);
    if (!entry) this.buckets.set(key, (entry = { bucket: new TokenBucket(this.rate, this.burst), seen: now }));
    entry.seen = now;
    return entry.bucket.take();
  }
}
