import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DirectoryError, loadDirectory, parseDirectory } from '../../../../bot/adapters/directory/load-directory.ts';

const sample = join(import.meta.dirname, '../../../../knowledge/directory/musterland.yaml');

describe('loadDirectory', () => {
  it('loads the sample directory with hierarchy, channel ids and inherited Lotsen', () => {
    const directory = loadDirectory(sample);
    expect(directory.unitPath('A36-1').map((unit) => unit.id)).toEqual(['A36-1', 'A36', 'D3']);
    expect(
      directory
        .unitWithDescendants('D2')
        .map((unit) => unit.id)
        .sort(),
    ).toEqual(['A50', 'A53', 'D2']);
    expect(directory.personByChannelId('jid', 'ERIKA@musterland.example')?.id).toBe('p-erika');
    expect(directory.lotsenFor('A36-1')).toMatchObject({ unit: 'A36', lotsen: ['p-tobias'] });
    expect(directory.lotsenFor('A53')?.unit).toBe('D2');
    expect(directory.person('p-marek')).toMatchObject({ kiTrained: false, tenant: 'Kreis Musterland' });
  });

  it('names the line of an unknown unit and of a duplicate person', () => {
    const text = [
      'units:',
      '  - { id: A1, name: Amt, kind: amt }',
      'people:',
      '  - { id: p1, name: Eins, unit: A1 }',
      '  - { id: p1, name: Zwei, unit: A9 }',
    ].join('\n');
    expect(() => parseDirectory(text, 'dir.yaml')).toThrowError(DirectoryError);
    try {
      parseDirectory(text, 'dir.yaml');
    } catch (error) {
      expect(String(error)).toContain('dir.yaml:5 people.1.id: duplicate person "p1"');
      expect(String(error)).toContain('dir.yaml:5 people.1.unit: unknown unit "A9"');
    }
  });

  it('reports schema errors with their field', () => {
    expect(() => parseDirectory('units: []\npeople:\n  - { id: p1, name: X, unit: A1, roles: [boss] }\n', 'd.yaml')).toThrowError(
      /d\.yaml:3 people\.0\.roles\.0/,
    );
  });
});
