import type { Ticket, TicketEvent, TicketState, TicketStore } from '../../bot/ports/tickets.ts';

/** Tickets, events and reminder marks in maps; asynchronous like the real store (issue #20). */
export class InMemoryTicketStore implements TicketStore {
  readonly tickets = new Map<string, Ticket>();
  readonly eventLog: TicketEvent[] = [];
  readonly reminders = new Set<string>();

  async create(ticket: Omit<Ticket, 'number'>, event: TicketEvent): Promise<Ticket> {
    if (this.tickets.has(ticket.id)) throw Object.assign(new Error(`ticket ${ticket.id} exists`), { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    const created: Ticket = { ...ticket, number: Math.max(0, ...[...this.tickets.values()].map((entry) => entry.number)) + 1 };
    this.tickets.set(created.id, created);
    this.eventLog.push(event);
    return created;
  }
  async get(id: string): Promise<Ticket | undefined> {
    return this.tickets.get(id);
  }
  async byNumber(number: number): Promise<Ticket | undefined> {
    return [...this.tickets.values()].find((ticket) => ticket.number === number);
  }
  async update(ticket: Ticket, expectedVersion: number, event: TicketEvent): Promise<boolean> {
    if (this.tickets.get(ticket.id)?.version !== expectedVersion) return false;
    this.tickets.set(ticket.id, ticket);
    this.eventLog.push(event);
    return true;
  }
  async list(filter: { states?: readonly TicketState[]; candidate?: string; assignee?: string; askerId?: string }): Promise<Ticket[]> {
    return [...this.tickets.values()]
      .filter((ticket) => !filter.states || filter.states.includes(ticket.state))
      .filter((ticket) => !filter.assignee || ticket.assignee === filter.assignee)
      .filter((ticket) => !filter.askerId || ticket.askerId === filter.askerId)
      .filter((ticket) => !filter.candidate || ticket.candidates.includes(filter.candidate) || ticket.assignee === filter.candidate)
      .sort((a, b) => a.number - b.number);
  }
  async events(ticketId: string): Promise<TicketEvent[]> {
    return this.eventLog.filter((event) => event.ticketId === ticketId);
  }
  async markReminder(ticketId: string, step: string, _at: string): Promise<boolean> {
    const key = JSON.stringify([ticketId, step]);
    if (this.reminders.has(key)) return false;
    this.reminders.add(key);
    return true;
  }
}
