import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../knowledge/ingest/build-document.ts';
import { inferEditionYear, inferPredecessors, inferSessionStand } from '../../../knowledge/ingest/infer-edition.ts';
import { inferStand } from '../../../knowledge/ingest/infer-metadata.ts';
import { cleanTitle, describeTitle, inferDesignation, inferTitle } from '../../../knowledge/ingest/infer-title.ts';
import { normalizeText } from '../../../knowledge/ingest/normalize.ts';
import { parseText } from '../../../knowledge/ingest/parsers/parse-text.ts';

const seeds = join(import.meta.dirname, '../../../../shared/seeds');
const strategy = (extra: string): string =>
  [
    '1 Hintergrund',
    '1.1 Warum benötigen wir eine Digitalisierungsstrategie?',
    `Die Kreisverwaltung Musterstadt will die Digitalisierungsstrategie umsetzen. Die Digitalisierungsstrategie gilt für alle Ämter. ${extra}`,
  ].join('\n\n');

describe('inferTitle', () => {
  it('takes a title line at the top, without Markdown emphasis', () => {
    expect(inferTitle('# **Digitale Agenda** des Kreises\n\nText.')).toBe('Digitale Agenda des Kreises');
    expect(inferTitle('Digitale Agenda der Kreisverwaltung Unna\n\nAusschuss am 24.02.26')).toBe(
      'Digitale Agenda der Kreisverwaltung Unna',
    );
    expect(cleanTitle('## __Digitale Anträge__ und *Portale* –')).toBe('Digitale Anträge und Portale');
  });

  it('refuses numbered section headings, letterheads and headings deep inside the text', () => {
    expect(inferTitle('1 Hintergrund\n\nText folgt.')).toBeUndefined();
    expect(inferTitle('KREIS BEISPIEL · DER LANDRAT\n\nText.')).toBeUndefined();
    expect(
      inferTitle(`${'Ein langer Einleitungssatz ohne Überschrift. '.repeat(12)}\n\n## **Digitale Anträge und Portale**\n\nText.`),
    ).toBeUndefined();
  });
});

describe('describeTitle', () => {
  it('names a document by what it calls itself and its county', () => {
    expect(inferDesignation(strategy(''))).toBe('Digitalisierungsstrategie');
    expect(describeTitle(strategy(''), 'Kreis Musterstadt')).toBe('Digitalisierungsstrategie Kreis Musterstadt');
  });

  it('names a letter by the inquiry it answers or its subject line', () => {
    const letter =
      'KREIS BEISPIEL · DER LANDRAT\n\n10.02.2025\n\n**Ihre Anfrage vom 29.01.2025 -Chancen der Digitalisierung-**\n\nSehr geehrter Herr X,\n\nIhre Anfrage vom 29.01.2025 wird wie folgt beantwortet:';
    expect(describeTitle(letter, 'Kreis Beispiel')).toBe('Antwort des Kreises Beispiel auf die Anfrage ‚Chancen der Digitalisierung‘');
    expect(describeTitle('Betreff: Glasfaserausbau im Kreisgebiet\n\nSehr geehrte Damen und Herren,', undefined)).toBe(
      'Glasfaserausbau im Kreisgebiet',
    );
  });
});

describe('Stand', () => {
  it('reads the meeting a paper was prepared for and resolutions of county bodies', () => {
    expect(inferSessionStand('Digitale Agenda\n\nAusschuss für Digitalisierung am 24.02.26\n\nText.')).toBe('2026-02-24');
    expect(
      inferStand(
        'Text.\n\n5. Im fünften Schritt wurde im Ausschuss am 15. August 2023 vorberaten und im Kreistag am 11. September 2023 final beschlossen.',
      ),
    ).toBe('2023-09-11');
    expect(inferStand('Das Onlinezugangsgesetz wurde 2017 vom Bundestag verabschiedet.')).toBeUndefined();
    expect(inferStand('Der Gerichtsstand: 2024 ist Unna.')).toBeUndefined();
  });
});

describe('editions', () => {
  it('estimates the edition year from dated mentions and the most frequent year', () => {
    expect(
      inferEditionYear('Umfrage aus Dezember 2024. Ab 2025 DMS. Ab Ende 2025 Vorgaben. Nach 2025 mehr Lotsen. Bis Dezember 2027 alles.'),
    ).toBe('2025');
    expect(
      inferEditionYear(
        'Im Jahr 2020 Papier. Seit April 2020 E-Rechnung. Im November 2020 Release. 2020 Konzept. Stand der Quelle: Januar 2021.',
      ),
    ).toBe('2021');
    expect(inferEditionYear('Kein Jahr.', '2023-09-11')).toBe('2023');
  });

  it('finds the edition a new strategy replaces when the text dates the first one', () => {
    const text = strategy(
      'Mit der neuen Digitalisierungsstrategie gehen wir weiter. 2021 setzte die Verwaltung mit ihrer ersten Digitalisierungsstrategie den Kurs.',
    );
    expect(inferPredecessors(text, { designation: 'Digitalisierungsstrategie', tenant: 'Kreis Musterstadt', year: '2025' })).toEqual([
      'Digitalisierungsstrategie Kreis Musterstadt 2021',
    ]);
  });

  it('infers nothing when the text neither calls itself new nor dates the predecessor', () => {
    expect(
      inferPredecessors(strategy('Die bisherige Digitalisierungsstrategie ist ausgelaufen.'), {
        designation: 'Digitalisierungsstrategie',
        year: '2023',
      }),
    ).toEqual([]);
    expect(
      inferPredecessors(strategy('2021 gab es die erste Digitalisierungsstrategie.'), {
        designation: 'Digitalisierungsstrategie',
        year: '2025',
      }),
    ).toEqual([]);
  });

  it('reads an explicit "ersetzt die … vom …"', () => {
    expect(inferPredecessors('Diese Dienstanweisung ersetzt die Dienstanweisung Mobiles Arbeiten vom 15.01.2023.', {})).toEqual([
      'Dienstanweisung Mobiles Arbeiten 2023',
    ]);
  });
});

describe('tables in normalised text', () => {
  it('keeps space-aligned figure rows and their label line as rows, and drops inline HTML tags', () => {
    const text = normalizeText(
      'Anzahl Scans\n\n2024      322.537              363.883          417.561\nScans Scans Scans\n\nDigitalisierte Akten: 117.000 (entspricht 10,8 Mio. Seiten).\n\n<b>Bereich</b>\t<b>Beschreibung</b>\nKämmerei\tRechnungsworkflow\nSoziales\tE-Akte Hilfe zur Pflege',
    );
    expect(text).toContain('2024 | 322.537 | 363.883 | 417.561\nScans Scans Scans\n\nDigitalisierte Akten');
    expect(text).toContain('Bereich | Beschreibung\nKämmerei | Rechnungsworkflow\nSoziales | E-Akte Hilfe zur Pflege');
  });
});

describe.skipIf(!existsSync(seeds))('the seed documents', () => {
  const build = (file: string) => {
    const parsed = parseText(readFileSync(join(seeds, file)));
    if (parsed.kind !== 'parsed') throw new Error(parsed.reason);
    const built = buildDocument({ id: file, checksum: 'x', parsed });
    if (!built.ok) throw new Error(built.reason);
    return built.document.meta;
  };

  it('get human titles, Stand and the edition relation', () => {
    expect(build('004_604b01c2fa0b9321.txt')).toMatchObject({ title: 'Digitalisierungsstrategie Kreis Paderborn', stand: '2023-09-11' });
    expect(build('003_fb3307e877972e45.txt').title).toBe(
      'Antwort des Kreises Recklinghausen auf die Anfrage ‚Chancen der Digitalisierung‘',
    );
    expect(build('002_399e3565166a13c4.txt')).toMatchObject({ title: 'Digitale Agenda der Kreisverwaltung Unna', stand: '2026-02-24' });
    expect(build('000_8e9082655a54c4ad.txt')).toMatchObject({
      title: 'Digitalisierungsstrategie Kreis Viersen (Neufassung)',
      supersedes: ['Digitalisierungsstrategie Kreis Viersen 2021'],
    });
    expect(build('001_64204d28a368b06a.txt')).toMatchObject({ title: 'Digitalisierungsstrategie Kreis Viersen', supersedes: [] });
  });
});
