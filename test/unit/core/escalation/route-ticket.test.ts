import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../../bot/adapters/directory/load-directory.ts';
import { routeTicket } from '../../../../bot/core/escalation/route-ticket.ts';
import { samplePolicy } from '../../../fakes/sample-tickets.ts';

const directory = loadDirectory(join(import.meta.dirname, '../../../../knowledge/directory/musterland.yaml'));
const none = (): number => 0;

describe('routeTicket', () => {
  it('routes to the Lotsen of the asker’s unit, inherited from the Amt', () => {
    expect(
      routeTicket({ question: 'Wie teile ich eine Datei?', askerUnit: 'A36-1' }, { directory, policy: samplePolicy, openCount: none }),
    ).toEqual({
      kind: 'route',
      pool: { kind: 'unit', unit: 'A36' },
      candidates: ['p-tobias'],
    });
  });

  it('falls back to deputies when the Lotsen are at capacity, then to the central pool', () => {
    const busy = (id: string): number => (id === 'p-tobias' ? 2 : 0);
    expect(routeTicket({ question: 'Frage', askerUnit: 'A36' }, { directory, policy: samplePolicy, openCount: busy })).toMatchObject({
      candidates: ['p-jonas'],
    });
    const allBusy = (id: string): number => (['p-tobias', 'p-jonas'].includes(id) ? 2 : 0);
    expect(routeTicket({ question: 'Frage', askerUnit: 'A36' }, { directory, policy: samplePolicy, openCount: allBusy })).toMatchObject({
      pool: { kind: 'central' },
    });
    expect(routeTicket({ question: 'Frage' }, { directory, policy: samplePolicy, openCount: none })).toMatchObject({
      pool: { kind: 'central' },
      candidates: ['p-erika', 'p-jonas'],
    });
  });

  it('sends IT faults to the service desk and data protection to the DSB', () => {
    expect(
      routeTicket(
        { question: 'Der Drucker zeigt eine Fehlermeldung', askerUnit: 'A50' },
        { directory, policy: samplePolicy, openCount: none },
      ),
    ).toMatchObject({ pool: { kind: 'it-servicedesk' }, candidates: ['p-frank'], topic: 'it-stoerung' });
    expect(
      routeTicket({ question: 'Ist das nach DSGVO erlaubt?', askerUnit: 'A50' }, { directory, policy: samplePolicy, openCount: none }),
    ).toMatchObject({ pool: { kind: 'dsb' } });
  });

  it('never routes personal matters to Lotsen', () => {
    expect(
      routeTicket(
        { question: 'Ich bin krank und mein Vorgesetzter drängt mich', askerUnit: 'A50' },
        { directory, policy: samplePolicy, openCount: none },
      ),
    ).toMatchObject({ kind: 'refer', topic: 'personal' });
  });
});
