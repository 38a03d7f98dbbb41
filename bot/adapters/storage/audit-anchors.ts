/**
 * Anchor records of the audit chain (issue #22, audit retention): records expire per type, so a purge removes
 * runs of records from the middle of the chain. Each removed run leaves a gap whose boundary hashes (the hash
 * before its first record and the hash of its last record) are declared in an anchor record appended to the
 * chain. The anchor record is itself chained (and keyed), so a gap nobody declared, or a forged declaration,
 * still breaks verification. Pure functions; `SqliteAuditLog` does the SQL.
 */

/** Row type of anchor records in `audit_records` (never an `AuditRecordType`, never in reports). */
export const anchorType = 'anchor';

/** One removed run of records: sequence numbers `from`..`to` and the hashes around it. */
export interface AuditGap {
  readonly from: number;
  readonly to: number;
  /** Hash of the record before `from` (its `prev_hash`). */
  readonly prevHash: string;
  /** Hash of the record `to`: the next record's `prev_hash`. */
  readonly lastHash: string;
}

/** What an anchor record's body holds. */
export interface AnchorBody {
  readonly kind: 'anchor';
  readonly at: string;
  readonly removed: readonly AuditGap[];
}

/** A stored chain row as the purge and the verification see it. */
export interface ChainRow {
  readonly seq: number;
  readonly at: string;
  readonly type: string;
  readonly body: string;
  readonly prev_hash: string;
  readonly hash: string;
}

/** Sequence number and hash a walk continues from (the prefix anchor, or genesis). */
export interface ChainPoint {
  readonly seq: number;
  readonly hash: string;
}

/** JSON with sorted keys, so the hash does not depend on property order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const isGap = (value: unknown): value is AuditGap => {
  if (!value || typeof value !== 'object') return false;
  const gap = value as Record<string, unknown>;
  return Number.isInteger(gap.from) && Number.isInteger(gap.to) && typeof gap.prevHash === 'string' && typeof gap.lastHash === 'string';
};

/** The gaps declared by the anchor rows among `rows`, by first removed sequence number. Malformed bodies declare nothing. */
export function declaredGaps(rows: Iterable<Pick<ChainRow, 'type' | 'body'>>): Map<number, AuditGap> {
  const gaps = new Map<number, AuditGap>();
  for (const row of rows) {
    if (row.type !== anchorType) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.body);
    } catch {
      continue; // an unparsable anchor body declares nothing; its edited hash breaks verification at that row anyway
    }
    const removed = parsed && typeof parsed === 'object' ? (parsed as { removed?: unknown }).removed : undefined;
    if (Array.isArray(removed)) for (const gap of removed) if (isGap(gap)) gaps.set(gap.from, gap);
  }
  return gaps;
}

/** Maximal runs of consecutive sequence numbers among the expired `rows` (ordered by seq); anchors never expire. */
export function expiredRuns(rows: readonly ChainRow[], expired: (row: ChainRow) => boolean): AuditGap[] {
  const runs: AuditGap[] = [];
  let open: { from: number; to: number; prevHash: string; lastHash: string } | undefined;
  for (const row of rows) {
    const gone = row.type !== anchorType && expired(row);
    if (gone && open && row.seq === open.to + 1) {
      open.to = row.seq;
      open.lastHash = row.hash;
      continue;
    }
    if (open) runs.push(open);
    open = gone ? { from: row.seq, to: row.seq, prevHash: row.prev_hash, lastHash: row.hash } : undefined;
  }
  if (open) runs.push(open);
  return runs;
}

/**
 * How far the prefix anchor can move: from `start` across gaps and anchor rows up to the first kept record.
 * Everything passed may be dropped (the anchor rows passed declare only gaps before themselves).
 */
export function foldPrefix(start: ChainPoint, rows: ReadonlyMap<number, ChainRow>, gaps: ReadonlyMap<number, AuditGap>): ChainPoint {
  let { seq, hash } = start;
  for (;;) {
    const gap = gaps.get(seq + 1);
    const row = rows.get(seq + 1);
    if (!row && gap && gap.prevHash === hash) ({ to: seq, lastHash: hash } = gap);
    else if (row && row.type === anchorType && row.prev_hash === hash) ({ seq, hash } = row);
    else return { seq, hash };
  }
}

/** Outcome of stepping over the gaps before a row during verification. */
export type GapStep =
  { readonly kind: 'ok'; readonly at: ChainPoint; readonly passed: readonly AuditGap[] } | { readonly kind: 'undeclared' };

/** Steps from `at` over declared gaps until the record `seq` is next; `undeclared` when a removal was not declared. */
export function stepOverGaps(at: ChainPoint, seq: number, gaps: ReadonlyMap<number, AuditGap>): GapStep {
  let point = at;
  const passed: AuditGap[] = [];
  while (point.seq + 1 < seq) {
    const gap = gaps.get(point.seq + 1);
    if (!gap || gap.prevHash !== point.hash || gap.to >= seq) return { kind: 'undeclared' };
    passed.push(gap);
    point = { seq: gap.to, hash: gap.lastHash };
  }
  return { kind: 'ok', at: point, passed };
}
