import type { Absence, AbsenceStore } from '../../bot/ports/absences.ts';

/** Absences in a map; asynchronous like the real store. */
export class InMemoryAbsenceStore implements AbsenceStore {
  readonly absences = new Map<string, Absence>();

  async set(absence: Absence): Promise<void> {
    this.absences.set(absence.personId, absence);
  }
  async clear(personId: string): Promise<boolean> {
    return this.absences.delete(personId);
  }
  async get(personId: string): Promise<Absence | undefined> {
    return this.absences.get(personId);
  }
  async currentOn(date: string): Promise<Absence[]> {
    return [...this.absences.values()].filter((absence) => absence.until >= date).sort((a, b) => a.personId.localeCompare(b.personId));
  }
  async removeEndedBefore(date: string): Promise<number> {
    const ended = [...this.absences.values()].filter((absence) => absence.until < date);
    for (const absence of ended) this.absences.delete(absence.personId);
    return ended.length;
  }
}
