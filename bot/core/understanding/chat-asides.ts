/**
 * Asides of chat German: what staff add about why they ask or who wants to know ("brauch die Zahl für ne Präsi",
 * "Mein Chef will wissen, …", "Für eine Folie:", "weißt du das?"). They name nothing the documents are about, yet
 * their words would weigh like question words (an answer looks incomplete when "Präsi" or "Sitzung" is missing).
 * `normalize-question.ts` removes them after contractions are expanded ("ne" → "eine"); extend the lists here.
 */

/** Articles and possessives before the thing needed ("brauch **die** Zahl", "für **eine** Folie"). */
const determiner = '(?:das|die|den|dem|der|es|diese[nrs]?|eine[nmr]?|ein|meine[nmr]?|unsere[nmr]?)';
/** What is needed: the figure, the name, the date … */
const neededThing = '(?:zahl|zahlen|namen|produktnamen|datum|info|infos|angabe|angaben|antwort|werte|definition)';
/** Who wants to know. */
const requester =
  '(?:(?:mein|meine|unser|unsere|der|die)\\s+)?(?:chef|chefin|teamleitung|teamleiter|teamleiterin|amtsleitung|amtsleiter|amtsleiterin|vorgesetzter?|abteilungsleitung|dezernent|dezernentin)';
/** What the answer is needed for. */
const purpose = '(?:vorlage|folie|präsi|präsentation|sitzung|besprechung|bericht|schulung|rundmail|mail)';

/** Patterns of asides (case-insensitive, Unicode); each match is removed from the question. */
export const asidePatterns: readonly string[] = [
  // "brauch die Zahl für eine Präsi morgen", "brauche das für den Bericht", "brauch den Produktnamen für eine Schulungsanfrage"
  `(?:ich\\s+)?brauch(?:e)?\\s+${determiner}(?:\\s+${neededThing})?\\s+für\\b[^?!.]*[.!]?`,
  // "chef will das für die Sitzung"
  `${requester}\\s+(?:will|möchte|braucht)\\s+(?:das|es|die|den)\\s+für\\b[^?!.]*[.!]?`,
  // lead-ins: "Mein Chef will wissen, …", "chef fragt: …"
  `${requester}\\s+(?:will|möchte)\\s+wissen\\s*[,:]?`,
  `${requester}\\s+fragt\\s*[,:]`,
  // "Kurze Frage für die Vorlage:", "Für eine Folie:"
  `(?:kurze\\s+)?(?:frage\\s+)?für\\s+${determiner}\\s+${purpose}\\s*:`,
  // "weißt du das (zufällig)?", "hast du eine Zahl?", "weiß (das) jemand …"
  `weißt\\s+du\\s+das(?:\\s+zufällig)?\\s*\\?`,
  `hast\\s+du\\s+(?:da\\s+)?(?:eine\\s+)?zahl\\s*\\?`,
  `weiß\\s+(?:das\\s+)?jemand\\s*(?:\\?|,)?`,
];

const asides = new RegExp(`(?<![\\p{L}\\p{N}])(?:${asidePatterns.join('|')})`, 'giu');

/** Removes the asides of a chat question ("wie viele Akten gibt es? brauch die Zahl für eine Präsi" → "wie viele Akten gibt es?"). */
export function removeAsides(text: string): string {
  return text.replace(asides, ' ');
}
