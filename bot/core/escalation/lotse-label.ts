/**
 * How a Digitallotse is named to an asker: the name with the person's own form from the directory
 * ("Aylin Demir (Digitallotsin)", "Tobias Lange (Digitallotse)"), only the name when the directory has no form,
 * the id when the person left the directory (issue #19, item 5).
 */
import type { Directory } from '../../ports/directory.ts';

/** The label of the person `personId` as the author of an answer. */
export function lotseLabel(directory: Pick<Directory, 'person'>, personId: string): string {
  const person = directory.person(personId);
  if (!person) return personId;
  return person.lotseTitle ? `${person.name} (${person.lotseTitle})` : person.name;
}
