/**
 * SQLite storage of HR broadcasts and topic subscriptions. A broadcast is one JSON document with its state
 * in a separate column, so that every state change is a compare-and-set (two processes never both send).
 */
import type { Broadcast, BroadcastState } from '../../ports/hr-types.ts';
import type { BroadcastStore, Subscriptions } from '../../ports/hr-store.ts';
import { migrate, type SqliteDatabase } from './sqlite-database.ts';

const migrations = [
  `CREATE TABLE hr_broadcasts (id TEXT PRIMARY KEY, state TEXT NOT NULL, send_at TEXT NOT NULL, data TEXT NOT NULL);
   CREATE INDEX hr_broadcasts_due ON hr_broadcasts (state, send_at);
   CREATE TABLE hr_subscriptions (person_id TEXT NOT NULL, topic TEXT NOT NULL, PRIMARY KEY (person_id, topic));
   CREATE INDEX hr_subscriptions_topic ON hr_subscriptions (topic);`,
];

/** Broadcasts and subscriptions in the lotse database. */
export class SqliteBroadcasts implements BroadcastStore, Subscriptions {
  constructor(private readonly database: SqliteDatabase) {
    migrate(database, 'hr-broadcasts', migrations);
  }

  createBroadcast(broadcast: Broadcast): void {
    this.database.prepare('INSERT INTO hr_broadcasts (id, state, send_at, data) VALUES (?, ?, ?, ?)').run(broadcast.id, broadcast.state, broadcast.sendAt, JSON.stringify(broadcast));
  }

  broadcast(id: string): Broadcast | undefined {
    const row = this.database.prepare<[string], { data: string }>('SELECT data FROM hr_broadcasts WHERE id = ?').get(id);
    return row ? (JSON.parse(row.data) as Broadcast) : undefined;
  }

  broadcasts(): readonly Broadcast[] {
    return this.database.prepare<[], { data: string }>('SELECT data FROM hr_broadcasts ORDER BY send_at, id').all().map((row) => JSON.parse(row.data) as Broadcast);
  }

  transition(id: string, from: BroadcastState, patch: Partial<Broadcast> & { state: BroadcastState }): boolean {
    const current = this.broadcast(id);
    if (!current || current.state !== from) return false;
    const next = { ...current, ...patch };
    return this.database.prepare('UPDATE hr_broadcasts SET state = ?, send_at = ?, data = ? WHERE id = ? AND state = ?').run(next.state, next.sendAt, JSON.stringify(next), id, from).changes === 1;
  }

  subscribe(personId: string, topic: string): void {
    this.database.prepare('INSERT OR IGNORE INTO hr_subscriptions (person_id, topic) VALUES (?, ?)').run(personId, topic);
  }

  unsubscribe(personId: string, topic: string): void {
    this.database.prepare('DELETE FROM hr_subscriptions WHERE person_id = ? AND topic = ?').run(personId, topic);
  }

  subscribers(topic: string): readonly string[] {
    return this.database.prepare<[string], { person_id: string }>('SELECT person_id FROM hr_subscriptions WHERE topic = ? ORDER BY person_id').all(topic).map((row) => row.person_id);
  }

  topicsOf(personId: string): readonly string[] {
    return this.database.prepare<[string], { topic: string }>('SELECT topic FROM hr_subscriptions WHERE person_id = ? ORDER BY topic').all(personId).map((row) => row.topic);
  }
}
