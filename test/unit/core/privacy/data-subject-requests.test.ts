import { describe, expect, it } from 'vitest';
import { createDataSubjectRequests, type PrivacyTexts } from '../../../../bot/core/privacy/data-subject-requests.ts';
import type { Directory, Person } from '../../../../bot/ports/directory.ts';
import { InMemoryAuditLog } from '../../../fakes/in-memory-audit-log.ts';
import { emptyPersonalData, InMemoryPersonalData } from '../../../fakes/in-memory-personal-data.ts';

const people: Record<string, Person> = {
  'p-dana': { id: 'p-dana', name: 'Dana', unit: 'A10', roles: ['dsb'], kiTrained: true },
  'p-marek': { id: 'p-marek', name: 'Marek', unit: 'A50', roles: ['staff'], jid: 'marek@x', kiTrained: true },
};
const directory: Directory = {
  unit: () => undefined,
  units: () => [],
  unitPath: () => [],
  unitWithDescendants: () => [],
  lotsenFor: () => undefined,
  personByChannelId: () => undefined,
  person: (id) => people[id],
  people: () => Object.values(people),
};
const texts: PrivacyTexts = {
  notDsb: 'nur DSB',
  auditKept: 'Audit {retention} Tage',
  surveyAnswers: 'anonym',
  openSurveysKept: '{count} offen',
  erased: 'gelöscht',
  lotseAnswersKept: 'Antworten bleiben',
};

function setup() {
  const store = new InMemoryPersonalData();
  store.records.set('p-marek', {
    ...emptyPersonalData(),
    subscriptions: ['fortbildung'],
    surveyParticipation: [
      { surveyId: 's-1', invitedOn: '2026-11-01', answered: true },
      { surveyId: 's-2', invitedOn: '2026-11-20', answered: false },
    ],
  });
  store.openSurveys.add('s-2');
  const audit = new InMemoryAuditLog();
  const requests = createDataSubjectRequests({
    store,
    directory,
    audit,
    pseudonym: (id) => `ps-${id}`,
    clock: { now: () => new Date('2026-11-23T08:00:00.000Z') },
    texts,
    policyVersion: 'v',
    indexVersion: () => 'i',
    auditRetentionDays: 730,
  });
  return { store, audit, requests };
}

describe('data-subject requests', () => {
  it('exports for the DSB only and audits the request under the pseudonym', async () => {
    const { audit, requests } = setup();
    expect(await requests.export({ subject: 'p-marek', by: 'p-marek' })).toEqual({ kind: 'refused', reason: 'not_dsb', text: 'nur DSB' });
    const result = await requests.export({ subject: 'p-marek', by: 'p-dana' });
    expect(result).toMatchObject({
      kind: 'exported',
      subject: 'p-marek',
      data: { subscriptions: ['fortbildung'] },
      notes: ['Audit 730 Tage', 'anonym', 'Antworten bleiben'],
    });
    expect(audit.entries.map((entry) => [entry.pseudonym, entry.rules[0]?.clause])).toEqual([['ps-p-marek', 'DSGVO Art. 15']]);
  });

  it('erases, names the flags of open surveys kept, and audits', async () => {
    const { store, audit, requests } = setup();
    const result = await requests.erase({ subject: 'p-marek', by: 'p-dana' });
    expect(result).toMatchObject({
      kind: 'erased',
      counts: { subscriptions: 1, surveyParticipation: 1 },
      notes: ['gelöscht', 'Audit 730 Tage', 'anonym', 'Antworten bleiben', '1 offen'],
    });
    expect((await store.collect({ personId: 'p-marek', ownerKeys: [] })).subscriptions).toEqual([]);
    expect(audit.entries.map((entry) => entry.rules[0]?.clause)).toEqual(['DSGVO Art. 17']);
  });
});
