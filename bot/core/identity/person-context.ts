/**
 * What a known person's identity adds to every message, in every channel: their county (answers are
 * restricted to it and generic sources) and whether generated answers are allowed (KI training, DV KI § 8).
 */
import type { Person } from '../../ports/directory.ts';

/** Message fields derived from the directory person. */
export interface PersonContext {
  tenant?: string;
  generativeAllowed?: boolean;
}

/** The context of a directory person; people outside the directory have no recorded training (extractive only). */
export function personContext(person: Person | undefined): PersonContext {
  if (!person) return { generativeAllowed: false };
  return { ...(person.tenant ? { tenant: person.tenant } : {}), generativeAllowed: person.kiTrained };
}
