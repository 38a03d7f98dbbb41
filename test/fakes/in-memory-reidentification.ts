import {
  refusalOf,
  type ApprovalRole,
  type OpenReidentification,
  type Reidentification,
  type ReidentificationOptions,
  type ReidentificationResult,
} from '../../bot/ports/reidentification.ts';

interface Stored {
  readonly id: number;
  readonly pseudonym: string;
  readonly reason: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly expiresAt: string;
  approvals: Partial<Record<ApprovalRole, string>>;
  revealedAt?: string;
}

/** Re-identification requests in a list; asynchronous like the real store, the same rules (`refusalOf`). */
export class InMemoryReidentification implements Reidentification {
  readonly requests: Stored[] = [];

  constructor(private readonly options: ReidentificationOptions) {}

  async request(input: { pseudonym: string; reason: string; by: string; now: Date }): Promise<ReidentificationResult> {
    if (input.reason.trim().length < 10) return { kind: 'refused', reason: 'reason_missing' };
    const expiresAt = new Date(input.now.getTime() + this.options.validDays * 86_400_000).toISOString();
    const id = this.requests.length + 1;
    this.requests.push({
      id,
      pseudonym: input.pseudonym,
      reason: input.reason.trim(),
      requestedBy: input.by,
      requestedAt: input.now.toISOString(),
      expiresAt,
      approvals: {},
    });
    await this.options.onStep('requested', id);
    return { kind: 'requested', id, expiresAt };
  }

  async open(now: Date): Promise<OpenReidentification[]> {
    return this.requests
      .filter((request) => !request.revealedAt && request.expiresAt >= now.toISOString())
      .map(({ revealedAt: _revealed, approvals, ...request }) => ({ ...request, approvals: { ...approvals } }));
  }

  async approve(input: { id: number; role: ApprovalRole; by: string; now: Date }): Promise<ReidentificationResult> {
    const stored = this.requests.find((request) => request.id === input.id);
    if (!stored) return { kind: 'refused', reason: 'not_found' };
    const refusal = refusalOf(
      { ...stored, revealed: stored.revealedAt !== undefined, approvals: stored.approvals as Record<string, string> },
      input,
      this.options.holdsRole,
    );
    if (refusal) return refusal;
    const approvals = { ...stored.approvals, [input.role]: input.by };
    stored.approvals = approvals;
    await this.options.onStep(`approved-${input.role}`, input.id);
    const missing = (['personalrat', 'dsb'] as const).filter((role) => !approvals[role]);
    if (missing.length) return { kind: 'approved', id: input.id, missing };
    const userIds = (await this.options.candidates()).filter((userId) => this.options.pseudonym(userId) === stored.pseudonym);
    if (stored.revealedAt) return { kind: 'refused', reason: 'already_revealed' };
    stored.revealedAt = input.now.toISOString();
    await this.options.onStep('revealed', input.id);
    return { kind: 'revealed', id: input.id, userIds };
  }
}
