import { describe, expect, it } from 'vitest';
import { askedDecisiveTypes, containsAnswerType, expectedAnswerType } from '../../../../bot/core/retrieval/answer-type.ts';

describe('expectedAnswerType', () => {
  it.each([
    ['wieviele drucker wurden ersetzt?', 'number'],
    ['bis wann solln die anträge online sein', 'date'],
    ['wie viel prozent der plätze sind mobil?', 'percent'],
    ['was hat das neue drucksystem gekostet?', 'money'],
    ['wie viel budget gibts dafür', 'money'],
    ['durchwahl der stabsstelle?', 'phone'],
    ['leitung stabsstelle digitalisierung?', 'person'],
    ['welche vier werte gelten?', 'list'],
    ['mit welcher firma arbeitet ihr beim scannen?', 'organisation'],
    ['mit welcher RPA-firma ist RE im gespräch?', 'organisation'],
    ['welches recyclingunternehmen nimmt die alten rechner?', 'organisation'],
    ['welchen chatbot-anbieter nutzt ihr?', 'organisation'],
    ['welcher ansprechpartner ist zuständig?', 'none'],
    ['wer leitet die stabsstelle?', 'person'],
    ['wie heißt unsere datenschutzbeauftragte?', 'person'],
    ['Wie heißt der Chief Information Officer im Kreis?', 'person'],
    ['wer ist eig der CDO bei euch?', 'person'],
    ['wie heißt die amtsleitung vom amt für personal?', 'person'],
    ['wer hat die leitung vom hauptamt?', 'person'],
    ['wie heißt das ticketsystem?', 'name'],
    ['an welchem tag ging die seite online?', 'date'],
    ['an welchen terminen sind die workshops?', 'date'],
    ['darf ich mein passwort weitergeben?', 'none'],
  ] as const)('%s → %s', (question, type) => {
    expect(expectedAnswerType(question)).toBe(type);
  });
});

describe('containsAnswerType', () => {
  it('finds values of each type and misses them where absent', () => {
    expect(containsAnswerType('Rund 61 % legen Papier ab.', 'percent')).toBe(true);
    expect(containsAnswerType('Viele legen Papier ab.', 'percent')).toBe(false);
    expect(containsAnswerType('Die Box ist mit 50.000 Euro ausgestattet.', 'money')).toBe(true);
    expect(containsAnswerType('Die Box unterstützt Projektteams.', 'money')).toBe(false);
    expect(containsAnswerType('Telefon 02162 39-1234', 'phone')).toBe(true);
    expect(containsAnswerType('Die HABBEL UG berät das Projektteam.', 'organisation')).toBe(true);
    expect(containsAnswerType('Das Projektteam berät die Ämter.', 'organisation')).toBe(false);
    expect(containsAnswerType('Die Westfälische Hochschule lädt ein.', 'organisation')).toBe(true);
    expect(containsAnswerType('Leitung: Frau Schneider', 'person')).toBe(true);
    expect(containsAnswerType('Das Projekt läuft gut.', 'person')).toBe(false);
    // The addressee of a letter is no answer to "wer ist der CDO?"; the signature is kept.
    expect(containsAnswerType('Sehr geehrter Herr Prof. Dr. Wagener, mit Besetzung der Stelle des CDO …', 'person')).toBe(false);
    expect(
      containsAnswerType('Sehr geehrte Frau Dr. Meier, der Kreis antwortet wie folgt. Mit freundlichen Grüßen, Frau Schulz', 'person'),
    ).toBe(true);
    expect(containsAnswerType('irgendein Text', 'none')).toBe(true);
    expect(containsAnswerType('Die Kantine bietet eine Auswahl an Gerichten.', 'number')).toBe(false);
    expect(containsAnswerType('Pro Amt soll mindestens ein Digitallotse bestimmt werden.', 'number')).toBe(true);
    // A role is an agent: "wer soll die Strategie erarbeiten?" over "Mit Besetzung der Stelle des CDO wird …".
    expect(containsAnswerType('Mit Besetzung der Stelle des Chief Digital Officers wird eine Strategie erarbeitet.', 'agent')).toBe(true);
    expect(containsAnswerType('Die Amtsleitung entscheidet.', 'agent')).toBe(true);
    expect(containsAnswerType('Die Strategie wird erarbeitet.', 'agent')).toBe(false);
    // "einen Tag pro Woche" is a count of one; "ein Konzept" is none.
    expect(containsAnswerType('Beschäftigte dürfen einen Tag pro Woche mobil arbeiten.', 'number')).toBe(true);
    expect(containsAnswerType('Der Kreis erstellt ein Konzept für mobiles Arbeiten.', 'number')).toBe(false);
    expect(containsAnswerType('Es gibt zwölf Gerichte.', 'number')).toBe(true);
    expect(containsAnswerType('Ab 2025 werden alle Ämter an das DMS angebunden.', 'number')).toBe(false);
    expect(containsAnswerType('Am 11. September 2023 beschlossen; Anmeldungen in 10/25.', 'number')).toBe(false);
    expect(containsAnswerType('Anmeldungen in 10/25: 480', 'number')).toBe(true);
    expect(containsAnswerType('mehr als 1.400 Mitarbeitende', 'number')).toBe(true);
  });

  it('takes section numbers and footnote marks for no count or date, but keeps dates with short years', () => {
    expect(containsAnswerType('Die rechtlichen Rahmenbedingungen (z.B. OZG, s. 2.1.2) erfordern es.', 'date')).toBe(false);
    expect(containsAnswerType('Siehe Kapitel 4.3.4.1 zur E-Akte.', 'number')).toBe(false);
    expect(containsAnswerType('Die wichtigsten internen Prozesse6 der Verwaltung.', 'number')).toBe(false);
    expect(containsAnswerType('Die Agenda vom 24.02.26 liegt vor.', 'date')).toBe(true);
    expect(containsAnswerType('Beschlossen am 1.2.2024.', 'date')).toBe(true);
    expect(containsAnswerType('Die wichtigsten 200 Prozesse.', 'number')).toBe(true);
  });
});

describe('list answers', () => {
  it('needs an enumeration: bullet lines or several comma-separated items', () => {
    expect(containsAnswerType('Werte:\n- Offenheit\n- Vertrauen\n- Verantwortung', 'list')).toBe(true);
    expect(containsAnswerType('Die Werte sind Offenheit, Vertrauen, Verantwortung und Mut.', 'list')).toBe(true);
    expect(containsAnswerType('Es wurden 40 Leistungen priorisiert.', 'list')).toBe(false);
  });
});

describe('names and agents', () => {
  it('expects a proper name for "welche Software" and a person or office for "wer"', () => {
    expect(expectedAnswerType('welche software nutzt ihr für die e-akte?')).toBe('name');
    expect(expectedAnswerType('wie heißt das portal?')).toBe('name');
    expect(expectedAnswerType('wie heißt die firma, mit der RE über RPA redet?')).toBe('organisation');
    expect(expectedAnswerType('wer entscheidet das?')).toBe('agent');
    expect(containsAnswerType('Eingesetzt wird das DMS enaio.', 'name')).toBe(true);
    expect(containsAnswerType('Die Akte wird digital geführt.', 'name')).toBe(false);
    expect(containsAnswerType('Darüber entscheidet der Kreistag.', 'agent')).toBe(true);
    expect(containsAnswerType('Das geschieht jährlich.', 'agent')).toBe(false);
  });
});

describe('clock times', () => {
  it('answer a "wann" question ("öffnet um 11:30 Uhr"), but a bare number does not', () => {
    expect(containsAnswerType('Die Kantine öffnet um 11:30 Uhr.', 'date')).toBe(true);
    expect(containsAnswerType('Sprechzeiten ab 8 Uhr', 'date')).toBe(true);
    expect(containsAnswerType('Es gibt 12 Gerichte.', 'date')).toBe(false);
  });
});

describe('askedDecisiveTypes', () => {
  it('finds a person asked for in the second part of a question, not only in its first cue', () => {
    const question = 'Wie heißt der CDO beim Kreis und seit wann ist die Stelle besetzt?';
    expect(expectedAnswerType(question)).toBe('date');
    expect(askedDecisiveTypes(question)).toEqual(['person']);
    expect(askedDecisiveTypes('seit wann gibt es die stelle?')).toEqual([]);
  });
});
