import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../../bot/adapters/directory/load-directory.ts';

function directoryWith(csv: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-dir-'));
  writeFileSync(join(dir, 'personen.csv'), csv);
  writeFileSync(
    join(dir, 'verzeichnis.yaml'),
    [
      'units:',
      '  - { id: A10, name: Hauptamt, kind: amt }',
      '  - { id: A50, name: Sozialamt, kind: amt }',
      'people:',
      '  - { id: p-a, name: Anna Alt, unit: A10 }',
      'people_csv: personen.csv',
      'lotsen:',
      '  - { unit: A50, lotsen: [p-c] }',
      '',
    ].join('\n'),
  );
  return join(dir, 'verzeichnis.yaml');
}

describe('directory with a CSV export of people', () => {
  it('adds the CSV people with roles, JID and training status', () => {
    const directory = loadDirectory(
      directoryWith(
        '\uFEFFid;name;unit;roles;email;jid;aadObjectId;kiTrained\np-c;Carla Conrad;A50;staff|lotse;carla@kreis.example;carla@kreis.example;;ja\n',
      ),
    );
    expect(directory.person('p-c')).toMatchObject({ unit: 'A50', roles: ['staff', 'lotse'], kiTrained: true, jid: 'carla@kreis.example' });
    expect(directory.personByChannelId('jid', 'carla@kreis.example')?.id).toBe('p-c');
    expect(directory.lotsenFor('A50')?.lotsen).toEqual(['p-c']);
  });

  it('names the CSV line of an unknown unit, a duplicate person and an invalid role', () => {
    const file = directoryWith(
      'id;name;unit;roles\np-c;Carla;A50;staff\np-d;Dieter;A99;staff\np-a;Anna doppelt;A10;staff\np-e;Emil;A10;chef\n',
    );
    expect(() => loadDirectory(file)).toThrow(/personen\.csv:5 column roles/);
    const withoutRole = directoryWith('id;name;unit;roles\np-c;Carla;A50;staff\np-d;Dieter;A99;staff\np-a;Anna doppelt;A10;staff\n');
    let message = '';
    try {
      loadDirectory(withoutRole);
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/personen\.csv:3 row: unknown unit "A99"/);
    expect(message).toMatch(/personen\.csv:4 row: duplicate person "p-a"/);
  });
});
