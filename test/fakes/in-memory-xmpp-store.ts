/** An in-memory `XmppStore` with the semantics of `SqlXmppStore` (async like the real one). */
import type { OutboxEntry, XmppSession, XmppStore } from '../../bot/adapters/channels/xmpp/sql-xmpp-store.ts';

export class InMemoryXmppStore implements XmppStore {
  private readonly outbox: (OutboxEntry & { attempts: number })[] = [];
  private readonly sessions = new Map<string, XmppSession>();
  private nextId = 1;

  async enqueue(entries: readonly { stanzaId: string; to: string; body: string }[], at: string): Promise<void> {
    if (entries.some((entry) => this.outbox.some((queued) => queued.stanzaId === entry.stanzaId)))
      throw new Error('UNIQUE constraint failed: xmpp_outbox.stanza_id');
    for (const entry of entries)
      this.outbox.push({ id: this.nextId++, stanzaId: entry.stanzaId, to: entry.to, body: entry.body, createdAt: at, attempts: 0 });
  }

  async pending(limit = 500): Promise<OutboxEntry[]> {
    return this.outbox.slice(0, limit).map(({ attempts: _attempts, ...entry }) => entry);
  }

  async markAttempt(stanzaId: string): Promise<void> {
    const entry = this.outbox.find((queued) => queued.stanzaId === stanzaId);
    if (entry) entry.attempts += 1;
  }

  async remove(stanzaId: string): Promise<boolean> {
    const index = this.outbox.findIndex((queued) => queued.stanzaId === stanzaId);
    if (index < 0) return false;
    this.outbox.splice(index, 1);
    return true;
  }

  async size(): Promise<number> {
    return this.outbox.length;
  }

  async session(jid: string): Promise<XmppSession | undefined> {
    return this.sessions.get(jid);
  }

  async saveSession(session: XmppSession): Promise<void> {
    const before = this.sessions.get(session.jid);
    const { suggestions: _suggestions, plainLanguage: _plain, ...fields } = session;
    this.sessions.set(session.jid, {
      ...fields,
      ...(before?.suggestions ? { suggestions: before.suggestions } : {}),
      ...(before?.plainLanguage !== undefined ? { plainLanguage: before.plainLanguage } : {}),
    });
  }

  async saveSuggestions(jid: string, suggestions: readonly string[]): Promise<void> {
    const before = this.sessions.get(jid);
    if (before) this.sessions.set(jid, { ...before, suggestions: [...suggestions] });
  }

  async savePlainLanguage(jid: string, on: boolean, at: string): Promise<void> {
    this.sessions.set(jid, { ...(this.sessions.get(jid) ?? { jid, updatedAt: at }), plainLanguage: on });
  }
}
