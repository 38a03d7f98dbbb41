/**
 * A small synonym list for everyday words of staff questions that the documents phrase differently
 * ("von zuhause arbeiten" ~ "mobiles Arbeiten", "Kurs" ~ "Schulung"). Keys and values are folded
 * lower-case words; the values are analysed like text and added as extra forms of the word.
 */
export const germanSynonyms: ReadonlyMap<string, readonly string[]> = new Map([
  ['zuhause', ['mobil', 'telearbeit', 'homeoffice']],
  ['daheim', ['mobil', 'telearbeit', 'homeoffice']],
  ['homeoffice', ['mobil', 'telearbeit', 'zuhause']],
  ['hause', ['zuhause', 'mobil', 'telearbeit']],
  ['heimarbeit', ['mobil', 'telearbeit']],
  ['kurs', ['schulung', 'fortbildung']],
  ['kurse', ['schulung', 'fortbildung']],
  ['seminar', ['schulung', 'fortbildung']],
  ['weiterbildung', ['schulung', 'fortbildung']],
  ['lehrgang', ['schulung', 'fortbildung']],
  ['training', ['schulung', 'fortbildung']],
  ['laptop', ['notebook']],
  ['rechner', ['notebook', 'computer']],
  ['handy', ['mobiltelefon', 'smartphone']],
  ['kennwort', ['passwort']],
  ['passwort', ['kennwort']],
  ['urlaub', ['abwesenheit']],
  ['chef', ['vorgesetzt', 'amtsleitung', 'führungskraft']],
  ['chefin', ['vorgesetzt', 'amtsleitung', 'führungskraft']],
  ['mail', ['e-mail']],
  ['mails', ['e-mail']],
  ['ki', ['künstliche intelligenz']],
]);
