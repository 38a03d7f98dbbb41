/**
 * What a known person's identity adds to every message, in every channel: their county (answers are
 * restricted to it and generic sources), whether generated answers are allowed (KI training, DV KI § 8)
 * and Leichte Sprache as their default.
 */
import type { Person } from '../../ports/directory.ts';

/** Message fields derived from the directory person. */
export interface PersonContext {
  tenant?: string;
  generativeAllowed?: boolean;
  /** Leichte Sprache from the directory (issue #22): the default; a channel's explicit choice is spread after it and wins. */
  plainLanguage?: boolean;
}

/** A channel's explicit Leichte-Sprache choice as message fields; none when the person made no choice there. */
export function plainLanguageChoice(choice: boolean | undefined): { plainLanguage?: boolean } {
  return choice === undefined ? {} : { plainLanguage: choice };
}

/** The context of a directory person; people outside the directory have no recorded training (extractive only). */
export function personContext(person: Person | undefined): PersonContext {
  if (!person) return { generativeAllowed: false };
  return {
    ...(person.tenant ? { tenant: person.tenant } : {}),
    generativeAllowed: person.kiTrained,
    ...(person.plainLanguage ? { plainLanguage: true } : {}),
  };
}
