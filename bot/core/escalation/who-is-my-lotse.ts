/**
 * "Wer ist mein Digitallotse?" answered from the organisation directory (not from documents): the
 * Lotsen and deputies of the asker's unit (inherited from parent units), else the central pool.
 */
import type { Directory } from '../../ports/directory.ts';
import type { Citation } from '../../ports/turn.ts';
import { fillTemplate } from '../answer/answer-messages.ts';
import type { EscalationMessages } from './escalation-messages.ts';

const question = /\bwer\s+(ist|sind)\s+(mein|meine|unser|unsere|die|der)?\s*(zuständige[rn]?\s+)?digital[\s-]*lots/i;

/** True for questions like "Wer ist mein Digitallotse?" or "Wer sind die Digitallotsen?". */
export function asksForOwnLotse(text: string): boolean {
  return question.test(text);
}

/** The answer text and a citation of the directory. */
export function describeOwnLotsen(
  deps: { directory: Directory; messages: EscalationMessages; centralPool: readonly string[] },
  personId: string | undefined,
): { text: string; citation: Citation } {
  const names = (ids: readonly string[]): string => ids.map((id) => deps.directory.person(id)?.name ?? id).join(', ') || '–';
  const person = personId ? deps.directory.person(personId) : undefined;
  const assignment = person ? deps.directory.lotsenFor(person.unit) : undefined;
  const unit = assignment ? (deps.directory.unit(assignment.unit)?.name ?? assignment.unit) : undefined;
  const text =
    assignment && unit
      ? fillTemplate(deps.messages.whoIsMyLotse, { unit, lotsen: names(assignment.lotsen), deputies: names(assignment.deputies) })
      : fillTemplate(deps.messages.whoIsMyLotseUnknown, { central: names(deps.centralPool) });
  return {
    text,
    citation: { document: 'verzeichnis', title: deps.messages.directorySource, section: unit ?? '', stand: null, quote: text, score: 1 },
  };
}
