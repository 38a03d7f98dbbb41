import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMasker } from '../../../../bot/core/guardrails/mask-personal-data.ts';
import { loadPolicies } from '../../../../policies/load-policies.ts';

const mask = createMasker(loadPolicies(join(import.meta.dirname, '../../../../policies')).pii.entities);
const masked = (text: string): string => mask(text).text;

describe('personal data that generalises (issue #17)', () => {
  it('masks tax ids with spaces or dots, with a check digit or a context word', () => {
    expect(masked('Trag die Steuer-ID 12 345 678 901 ein')).toBe('Trag die Steuer-ID [STEUER-ID] ein');
    expect(masked('IdNr. 86.095.742.719 bitte')).toBe('IdNr. [STEUER-ID] bitte');
    expect(masked('Die 86095742719 stimmt')).toBe('Die [STEUER-ID] stimmt');
    expect(masked('Bestellmenge 12 345 678 901 Stück')).toContain('12 345 678 901');
  });

  it('masks IBANs with spaces, dates of birth in common forms and Aktenzeichen variants', () => {
    expect(masked('IBAN DE44 5001 0517 5407 3249 31')).toBe('IBAN [IBAN]');
    expect(masked('Geburtsdatum 09.05.1986, geb. am 3. März 1961, geboren 1987-11-02')).toBe(
      '[GEBURTSDATUM], [GEBURTSDATUM], [GEBURTSDATUM]',
    );
    expect(masked('Vorgang 51.2-2024/0771 und AZ: 63-BG-0457/24')).toBe('Vorgang [AKTENZEICHEN] und [AKTENZEICHEN]');
    expect(masked('Seit 2021 gibt es 37 Digitallotsen am 1.2.2024')).toBe('Seit 2021 gibt es 37 Digitallotsen am 1.2.2024');
  });

  it('masks addresses, plates with a context word and names introduced by context', () => {
    expect(masked('Hertener Str. 41, 45657 Recklinghausen')).toBe('[ADRESSE], [ADRESSE]');
    expect(masked('Am Kirchberg 3')).toBe('[ADRESSE]');
    expect(masked('Kennzeichen RE KB 812')).toBe('Kennzeichen [KENNZEICHEN]');
    expect(masked('Familie Yılmaz und Frau Renate Kowalski')).toBe('[NAME] und [NAME]');
    expect(masked('prüf mal ob herr dragan petrović darf')).toBe('prüf mal ob [NAME] darf');
    expect(masked('Was verdient Markus Jansen? Und Leon M.?')).toBe('Was verdient [NAME]? Und [NAME]?');
  });

  it('leaves capitalised nouns after a name alone', () => {
    expect(masked('Hat die Antragstellerin Sommer Schulden bei der Bank?')).toBe('Hat die [NAME] Schulden bei der Bank?');
    expect(masked('Dürfen Bürger Anträge online stellen?')).toBe('Dürfen Bürger Anträge online stellen?');
  });

  // pii.yaml 2026-12-09.1: blind holdout-11 stored "[NAME]. med. Vogel" and "Meine [NAME] Lenzen": the title or degree
  // was taken for the name and the surname stayed in clear text.
  it('masks the surname after chained titles and degrees, not the title', () => {
    expect(masked('Sehr geehrter Herr Dr. med. Vogel')).toBe('Sehr geehrter [NAME]');
    expect(masked('Meine Kollegin Frau Lenzen und ich')).toBe('Meine [NAME] und ich');
    expect(masked('Frau Prof. Dr. Schulz kommt')).toBe('[NAME] kommt');
    expect(masked('Herrn Dr. rer. nat. Özdemir')).toBe('[NAME]');
  });

  // pii.yaml 2026-12-10.1: names without a title stayed in clear text in the blind sets ("wie oft Sabine lotse benutzt",
  // "mein kollege uwe ist krank", "Sachbearbeiterin S. Krämer", "familie yilmaz oder familie becker").
  it('masks a first name alone, after a person noun in any case, an initial with a surname and a lower-case family', () => {
    expect(masked('Zeig mir, wie oft Sabine lotse benutzt hat')).toBe('Zeig mir, wie oft [NAME] lotse benutzt hat');
    expect(masked('mein kollege uwe ist seit 3 wochen krank')).toBe('mein [NAME] ist seit 3 wochen krank');
    expect(masked('für meine Sachbearbeiterin S. Krämer, bitte')).toBe('für meine Sachbearbeiterin [NAME], bitte');
    expect(masked('ob der platz an familie yilmaz oder familie becker geht')).toBe('ob der platz an [NAME] oder [NAME] geht');
  });

  it('leaves abbreviations, word-like first names and "Familie und Beruf" alone', () => {
    expect(masked('Wer muss eins vorlegen, z. B. Trainer oder z.B. Betreuer?')).toBe(
      'Wer muss eins vorlegen, z. B. Trainer oder z.B. Betreuer?',
    );
    expect(masked('Kostet das 5 Mark? Max. 3 Tage, ab Jan. 2026')).toBe('Kostet das 5 Mark? Max. 3 Tage, ab Jan. 2026');
    expect(masked('Vereinbarkeit von familie und beruf')).toBe('Vereinbarkeit von familie und beruf');
  });

  // pii.yaml 2026-12-10.2: holdout-14 stored "Bin Hr. Wolters, Personalnr. 40133" in clear text
  it('masks the abbreviated titles Hr. and Fr. and a personnel number after its label', () => {
    expect(masked('Bin Hr. Wolters, Personalnr. 40133')).toBe('Bin [NAME], [PERSONALNUMMER]');
    expect(masked('Fr. Meier (Pers.-Nr. 4711)')).toBe('[NAME] ([PERSONALNUMMER])');
  });
});
