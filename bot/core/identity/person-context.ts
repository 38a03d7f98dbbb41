/**
 * What a known person's identity adds to every message, in every channel: their county (answers are
 * restricted to it and generic sources) and whether generated answers are allowed (KI training, DV KI § 8).
 */
import type { Directory } from '../../ports/directory.ts';

/** Message fields derived from the directory person. */
export interface PersonContext {
  tenant?: string;
  generativeAllowed?: boolean;
}

/** The context for `personId`, empty for unknown people. */
export function personContext(directory: Directory, personId: string | undefined): PersonContext {
  const person = personId ? directory.person(personId) : undefined;
  if (!person) return {};
  return { ...(person.tenant ? { tenant: person.tenant } : {}), generativeAllowed: person.kiTrained };
}
