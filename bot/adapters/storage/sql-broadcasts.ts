/**
 * HR broadcasts and topic subscriptions on the asynchronous store database (SQLite or PostgreSQL; tables from
 * migration `0017-broadcasts`). A broadcast is one JSON document with its state in a separate column, so that
 * every state change is a compare-and-set (two processes or replicas never both send).
 *
 * Documents are written and read with `storedBroadcast` (`stored-documents.ts`: versioned, zod-checked). A
 * broadcast this lotse cannot read (written by a newer lotse, or invalid) is treated as absent — `broadcast` gives
 * `undefined`, `broadcasts` leaves it out, `transition` answers false, so this replica neither sends nor rewrites
 * it — and is logged once per row and reason (`stored-json-refused`).
 */
import { sql } from 'kysely';
import type { Broadcast, BroadcastState } from '../../ports/hr-types.ts';
import type { BroadcastStore, Subscriptions } from '../../ports/hr-store.ts';
import { first, rows, run, type StoreDatabase } from '../sql/store-database.ts';
import { refusedRowReporter } from '../sql/stored-json.ts';
import { storedBroadcast } from './stored-documents.ts';

/** Broadcasts and subscriptions in the lotse database. */
export class SqlBroadcasts implements BroadcastStore, Subscriptions {
  private readonly refused: (key: string, reason: string) => void;

  constructor(private readonly database: StoreDatabase) {
    this.refused = refusedRowReporter('broadcasts', database.logger);
  }

  /** The broadcast of a row, or undefined (logged once) when it cannot be read. */
  private parse(row: { id: string; data: string }): Broadcast | undefined {
    const decoded = storedBroadcast.decode(row.data);
    if (decoded.ok) return decoded.value;
    this.refused(row.id, decoded.reason);
    return undefined;
  }

  async createBroadcast(broadcast: Broadcast): Promise<void> {
    await run(
      this.database.db,
      sql`INSERT INTO hr_broadcasts (id, state, send_at, data) VALUES (${broadcast.id}, ${broadcast.state}, ${broadcast.sendAt}, ${storedBroadcast.encode(broadcast)})`,
    );
  }

  async broadcast(id: string): Promise<Broadcast | undefined> {
    const row = await first(this.database.db, sql<{ id: string; data: string }>`SELECT id, data FROM hr_broadcasts WHERE id = ${id}`);
    return row ? this.parse(row) : undefined;
  }

  async broadcasts(): Promise<readonly Broadcast[]> {
    return (
      await rows(this.database.db, sql<{ id: string; data: string }>`SELECT id, data FROM hr_broadcasts ORDER BY send_at, id`)
    ).flatMap((row) => this.parse(row) ?? []);
  }

  async transition(id: string, from: BroadcastState, patch: Partial<Broadcast> & { state: BroadcastState }): Promise<boolean> {
    const current = await this.broadcast(id);
    if (!current || current.state !== from) return false;
    const next = { ...current, ...patch };
    return (
      (await run(
        this.database.db,
        sql`UPDATE hr_broadcasts SET state = ${next.state}, send_at = ${next.sendAt}, data = ${storedBroadcast.encode(next)} WHERE id = ${id} AND state = ${from}`,
      )) === 1
    );
  }

  async subscribe(personId: string, topic: string): Promise<void> {
    await run(
      this.database.db,
      sql`INSERT INTO hr_subscriptions (person_id, topic) VALUES (${personId}, ${topic}) ON CONFLICT (person_id, topic) DO NOTHING`,
    );
  }

  async unsubscribe(personId: string, topic: string): Promise<void> {
    await run(this.database.db, sql`DELETE FROM hr_subscriptions WHERE person_id = ${personId} AND topic = ${topic}`);
  }

  async subscribers(topic: string): Promise<readonly string[]> {
    return (
      await rows(
        this.database.db,
        sql<{ person_id: string }>`SELECT person_id FROM hr_subscriptions WHERE topic = ${topic} ORDER BY person_id`,
      )
    ).map((row) => row.person_id);
  }

  async topicsOf(personId: string): Promise<readonly string[]> {
    return (
      await rows(this.database.db, sql<{ topic: string }>`SELECT topic FROM hr_subscriptions WHERE person_id = ${personId} ORDER BY topic`)
    ).map((row) => row.topic);
  }
}
