import { describe, expect, it } from 'vitest';
import { expandContractions, normalizeQuestion, removeFillers } from '../../../../bot/core/understanding/normalize-question.ts';
import { stripSmallTalk } from '../../../../bot/core/understanding/small-talk.ts';

const text = (message: string): string => normalizeQuestion(message).text;

describe('normalizeQuestion: greetings and preambles', () => {
  it.each([
    ['Hallo, wie beantrage ich Homeoffice?', 'wie beantrage ich Homeoffice?'],
    ['Hi! Wie beantrage ich Homeoffice?', 'Wie beantrage ich Homeoffice?'],
    ['Moin moin, welche KI-Schulungen gibt es?', 'welche KI-Schulungen gibt es?'],
    ['Servus zusammen, welche KI-Schulungen gibt es?', 'welche KI-Schulungen gibt es?'],
    ['Guten Morgen! Kurze Frage: welche KI-Schulungen gibt es?', 'welche KI-Schulungen gibt es?'],
    ['Guten Tag, ich hätte da mal eine Frage: welche KI-Schulungen gibt es?', 'welche KI-Schulungen gibt es?'],
    ['Liebe Kolleg*innen, welche KI-Schulungen gibt es?', 'welche KI-Schulungen gibt es?'],
    ['Liebe Kolleginnen und Kollegen,\n\nwelche KI-Schulungen gibt es?', 'welche KI-Schulungen gibt es?'],
    ['Hallo Frau Schmidt, welche KI-Schulungen gibt es?', 'welche KI-Schulungen gibt es?'],
    ['Hallo zusammen wie beantrage ich Homeoffice', 'wie beantrage ich Homeoffice'],
  ])('%j → %j', (message, expected) => {
    expect(normalizeQuestion(message)).toEqual({ text: expected });
  });
});

describe('normalizeQuestion: thanks and sign-offs', () => {
  it.each([
    ['Wie beantrage ich Homeoffice? Danke!', 'Wie beantrage ich Homeoffice?'],
    ['Wie beantrage ich Homeoffice? Vielen Dank im Voraus', 'Wie beantrage ich Homeoffice?'],
    ['Gibt es eine Frist? Danke schon mal für die schnelle Antwort :)', 'Gibt es eine Frist?'],
    ['Wie beantrage ich Homeoffice? Viele Grüße, Marek', 'Wie beantrage ich Homeoffice?'],
    ['Wie beantrage ich Homeoffice?\n\nViele Grüße\nMarek Nowak', 'Wie beantrage ich Homeoffice?'],
    ['Wie beantrage ich Homeoffice? LG', 'Wie beantrage ich Homeoffice?'],
    ['und 2022 zum Vergleich Viele Grüße, Marek', 'und 2022 zum Vergleich'],
    ['und 2022 zum Vergleich danke!', 'und 2022 zum Vergleich'],
    ['Wer ist zuständig vielen Dank?', 'Wer ist zuständig?'],
    ['Wie beantrage ich Homeoffice? Viele Grüße, [NAME]', 'Wie beantrage ich Homeoffice?'],
    ['Wie beantrage ich Homeoffice? VG Marek', 'Wie beantrage ich Homeoffice?'],
    ['Wie beantrage ich Homeoffice? Danke und liebe Grüße aus Unna', 'Wie beantrage ich Homeoffice?'],
    ['Wie beantrage ich Homeoffice, danke?', 'Wie beantrage ich Homeoffice?'],
    ['Danke! Und wie ist es in Unna?', 'Und wie ist es in Unna?'],
    ['Hallo, wie beantrage ich Homeoffice? Danke!', 'wie beantrage ich Homeoffice?'],
  ])('%j → %j', (message, expected) => {
    expect(normalizeQuestion(message)).toEqual({ text: expected });
  });
});

describe('normalizeQuestion: messages that are only small talk', () => {
  it.each([
    ['Hallo', 'greeting'],
    ['Moin!', 'greeting'],
    ['Guten Morgen zusammen', 'greeting'],
    ['Hallo, ich hätte eine Frage', 'greeting'],
    ['Danke!', 'thanks'],
    ['Vielen Dank, das hilft mir', 'thanks'],
    ['Super, danke dir!', 'thanks'],
    ['Ok', 'thanks'],
    ['Tschüss', 'farewell'],
    ['Viele Grüße, Marek', 'farewell'],
    ['Schönen Feierabend!', 'farewell'],
  ])('%j is %s', (message, kind) => {
    expect(normalizeQuestion(message)).toEqual({ text: '', smallTalk: kind });
  });

  it('does not call an empty or punctuation-only message small talk', () => {
    expect(normalizeQuestion('???')).toEqual({ text: '' });
    expect(normalizeQuestion('   ')).toEqual({ text: '' });
  });
});

describe('normalizeQuestion: fillers', () => {
  it.each([
    ['wer ist in Viersen eigentlich Dezernent?', 'wer ist in Viersen Dezernent?'],
    ['Was war nochmal die Startup-Box?', 'Was war die Startup-Box?'],
    ['Kannst du mir mal sagen, wie das geht?', 'Kannst du mir sagen, wie das geht?'],
    ['Wie beantrage ich bitte Homeoffice?', 'wie beantrage ich Homeoffice?'.replace('wie', 'Wie')],
    ['Bitte wie beantrage ich Homeoffice?', 'wie beantrage ich Homeoffice?'],
    ['Kannst du mir ganz kurz erklären, wie das geht?', 'Kannst du mir erklären, wie das geht?'],
    ['Darf ich noch mal kurz fragen, wie das geht?', 'Darf ich fragen, wie das geht?'],
    ['wie viele digilotsen haben wir eig mittlerweile?', 'wie viele digilotsen haben wir?'],
    ['gibts inzwischen halt irgendwie ne Vorlage?', 'gibt es eine Vorlage?'],
    ['Wie oft hält der Bus am Halt?', 'Wie oft hält der Bus am Halt?'],
  ])('%j → %j', (message, expected) => {
    expect(text(message)).toBe(expected);
  });
});

describe('normalizeQuestion: colloquial contractions', () => {
  it.each([
    ['Was steht aufm Antrag?', 'Was steht auf dem Antrag?'],
    ['Gilt das übern Jahreswechsel?', 'Gilt das über den Jahreswechsel?'],
    ['Gabs da eine Schulung?', 'Gab es da eine Schulung?'],
    ['gibts ne Vorlage?', 'gibt es eine Vorlage?'],
    ['Gibt’s nen Zeitplan?', 'Gibt es einen Zeitplan?'],
    ["Was gibt's bei nem Umzug?", 'Was gibt es bei einem Umzug?'],
    ['wer is zuständig?', 'wer ist zuständig?'],
    ['Wieviele Lotsen gibt es?', 'Wie viele Lotsen gibt es?'],
    ['Wieviel kostet das?', 'Wie viel kostet das?'],
    ['Was ham wir da?', 'Was haben wir da?'],
    ['Geht das nich online?', 'Geht das nicht online?'],
    ['ich hab grad keinen Zugriff', 'ich habe gerade keinen Zugriff'],
    ['Kann ich ma schauen?', 'Kann ich schauen?'],
    ['Darf ich im Ausland arbeiten, zB in Spanien?', 'Darf ich im Ausland arbeiten, zum Beispiel in Spanien?'],
    ['Darf ich im Ausland arbeiten, z. B. in Spanien?', 'Darf ich im Ausland arbeiten, zum Beispiel in Spanien?'],
    ['Darf ich im Ausland arbeiten, z.B. in Spanien?', 'Darf ich im Ausland arbeiten, zum Beispiel in Spanien?'],
  ])('%j → %j', (message, expected) => {
    expect(text(message)).toBe(expected);
  });
});

describe('normalizeQuestion: invisible characters and Unicode', () => {
  it.each([
    ['zero-width space', '\u200B'],
    ['zero-width non-joiner', '\u200C'],
    ['zero-width joiner', '\u200D'],
    ['soft hyphen', '\u00AD'],
    ['word joiner', '\u2060'],
    ['byte-order mark', '\uFEFF'],
  ])('removes a %s inside a word', (_name, character) => {
    expect(text(`Wie beantrage ich Home${character}office?`)).toBe('Wie beantrage ich Homeoffice?');
    expect(text(`${character}Hal${character}lo, wie beantrage ich Homeoffice?`)).toBe('wie beantrage ich Homeoffice?');
  });

  it('composes to NFC and turns non-breaking spaces into spaces', () => {
    const decomposed = 'Gibt es eine Schulung fu\u0308r Fu\u0308hrungskra\u0308fte?';
    expect(text(decomposed)).toBe('Gibt es eine Schulung für Führungskräfte?');
    expect(text('Wie\u00A0beantrage\u202Fich Homeoffice?')).toBe('Wie beantrage ich Homeoffice?');
  });
});

describe('normalizeQuestion keeps content words', () => {
  it.each([
    'Was ist die Dankeschön-Aktion?',
    'Wann startet die Mal-Aktion?',
    'Wann war das erste Mal eine KI-Schulung?',
    'Wie oft darf ich zwei mal im Monat mobil arbeiten?',
    'Ich habe eine Bitte an die IT.',
    'Kann ich kurz vor Fristende noch verlängern?',
    'Wie lang ist der Grad der Behinderung angegeben?',
    'Morgen muss ich den Antrag abgeben, wie geht das?',
    'Tag der offenen Tür: wer organisiert ihn?',
    'Wann ist die Halloween-Party im Kreishaus?',
    'Wie sage ich danke an Kollegen?',
    'Wer ist der Hallo-Wach-Beauftragte?',
    'Darf ich meinem Chef mein Passwort geben?',
    'Ist das ok?',
  ])('%j', (message) => {
    expect(normalizeQuestion(message)).toEqual({ text: message });
  });

  it('keeps a name that is not after a sign-off and a question after a farewell word', () => {
    expect(text('Wer ist Marek Nowak?')).toBe('Wer ist Marek Nowak?');
    expect(text('Bis wann gilt die Dienstanweisung?')).toBe('Bis wann gilt die Dienstanweisung?');
  });
});

describe('building blocks', () => {
  it('stripSmallTalk reports the kinds it removed', () => {
    const result = stripSmallTalk('Hallo, wer ist zuständig? Danke und viele Grüße, Marek');
    expect(result.text).toBe('wer ist zuständig?');
    expect([...result.kinds].sort()).toEqual(['farewell', 'greeting', 'thanks']);
  });

  it('expandContractions keeps capitals and leaves nouns alone', () => {
    expect(expandContractions('Gibts das aufm Amt?')).toBe('Gibt es das auf dem Amt?');
    expect(expandContractions('Grad der Behinderung')).toBe('Grad der Behinderung');
    expect(expandContractions("so'n Antrag")).toBe("so'n Antrag");
  });

  it('removeFillers keeps nouns and counts', () => {
    expect(removeFillers('Das letzte Mal war es 3 mal so viel, bitte')).toBe('Das letzte Mal war es 3 mal so viel, ');
  });
});

describe('normalizeQuestion keeps the layout a guardrail or an answer needs', () => {
  it('keeps a line break after a colon as a space', () => {
    expect(text('Fass mir das Protokoll zusammen:\nTOP 1 Rollout\nTOP 2 Schulung')).toBe(
      'Fass mir das Protokoll zusammen: TOP 1 Rollout TOP 2 Schulung',
    );
  });

  it('expands "brauchts" and keeps "1-2 mal"', () => {
    expect(text('brauchts immer ne Unterschrift?')).toBe('braucht es immer eine Unterschrift?');
    expect(text('Lohnt sich das bei 1-2 mal im Jahr?')).toBe('Lohnt sich das bei 1-2 mal im Jahr?');
  });
});
