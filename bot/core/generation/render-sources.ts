/**
 * Renders retrieved passages as clearly delimited, numbered data blocks for the answer prompt, so that
 * text inside a document cannot pose as a new block or as instructions of the system.
 */

/** A passage offered to the model as source `[index]`. */
export interface GroundedPassage {
  readonly index: number;
  readonly title: string;
  readonly section: string;
  readonly stand: string | null;
  readonly text: string;
}

/** Neutralises the delimiters inside document text (`<quelle …>`, `</quelle>`). */
function neutralise(text: string): string {
  return text
    .replace(/<(\s*\/?\s*)(quellen?)/gi, '‹$1$2')
    .replace(/\r\n?/g, '\n')
    .trim();
}

/** One `<quelle nr="n">` block with title, section, Stand and content. */
export function renderSource(passage: GroundedPassage): string {
  return [
    `<quelle nr="${passage.index}">`,
    `Titel: ${neutralise(passage.title)}`,
    `Abschnitt: ${neutralise(passage.section) || '–'}`,
    `Stand: ${passage.stand ? neutralise(passage.stand) : 'nicht angegeben'}`,
    'Inhalt:',
    neutralise(passage.text),
    '</quelle>',
  ].join('\n');
}

/** All passages, in order, separated by blank lines. */
export function renderSources(passages: readonly GroundedPassage[]): string {
  return passages.map(renderSource).join('\n\n');
}

/** The text a passage may be cited for: header (title, section, Stand) plus content. */
export function evidenceText(passage: GroundedPassage): string {
  return [passage.title, passage.section, passage.stand ? `Stand ${passage.stand}` : '', passage.text]
    .filter((part) => part.length > 0)
    .join('.\n');
}
