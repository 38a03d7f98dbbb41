/** Deterministic in-memory `JobLeases` (one map; the same rules as the SQL store), asynchronous like the port. */
import type { JobLeases, LeaseResult } from '../../bot/ports/job-lease.ts';

/** Leases in a Map; pass the same instance to several "replicas" to simulate a shared store. */
export class InMemoryJobLeases implements JobLeases {
  private readonly leases = new Map<string, { holder: string; until: string }>();

  async acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<LeaseResult> {
    const current = this.leases.get(name);
    if (current && current.holder !== holder && current.until > now.toISOString()) return { kind: 'taken', ...current };
    const until = new Date(now.getTime() + ttlMs).toISOString();
    this.leases.set(name, { holder, until });
    return { kind: 'held', until };
  }

  async release(name: string, holder: string): Promise<void> {
    if (this.leases.get(name)?.holder === holder) this.leases.delete(name);
  }

  async holderOf(name: string, now: Date): Promise<string | undefined> {
    const current = this.leases.get(name);
    return current && current.until > now.toISOString() ? current.holder : undefined;
  }
}
