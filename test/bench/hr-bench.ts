/**
 * HR benchmark (issue #10, "Measure"): a broadcast to 4,000 recipients through a mock Teams connector
 * (a loopback HTTP server) at the configured 30 messages/s — achieved rate, lost, duplicated — and
 * survey answer intake over HTTP into SQLite. Run: `npx tsx test/bench/hr-bench.ts [recipients] [answers]`.
 */
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { startHrApp } from '../support/hr-app.ts';

const recipients = Number(process.argv[2] ?? 4000);
const answers = Number(process.argv[3] ?? 3000);
const work = mkdtempSync(join(tmpdir(), 'lotse-hr-bench-'));

function writeDirectory(count: number): string {
  const units = Array.from({ length: 40 }, (_, index) => `  - { id: U${index}, name: "Amt ${index}", kind: amt }`);
  const people = Array.from(
    { length: count },
    (_, index) =>
      `  - { id: p${index}, name: "Person ${index}", unit: U${index % 40}, roles: [staff], jid: p${index}@bench.example, kiTrained: true }`,
  );
  const extra = [
    '  - { id: hr-a, name: "HR A", unit: U0, roles: [staff, hr], kiTrained: true }',
    '  - { id: hr-b, name: "HR B", unit: U0, roles: [staff, hr], kiTrained: true }',
    '  - { id: pr-a, name: "PR A", unit: U0, roles: [staff, personalrat], kiTrained: true }',
  ];
  const file = join(work, 'directory.yaml');
  writeFileSync(file, ['units:', ...units, 'people:', ...people, ...extra, 'lotsen: []'].join('\n') + '\n');
  return file;
}

async function mockConnector(): Promise<{ url: string; received: string[]; times: number[]; close(): void }> {
  const received: string[] = [];
  const times: number[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push(String((JSON.parse(body) as { id: string }).id));
      times.push(performance.now());
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end('{"id":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, times, close: () => server.close() };
}

async function broadcastBench(): Promise<void> {
  const app = await startHrApp({ env: { DIRECTORY_FILE: writeDirectory(recipients) } });
  const connector = await mockConnector();
  app.lotse.channels.register('teams', {
    reaches: (personId) => /^p\d+$/.test(personId),
    async send(recipient, message) {
      const response = await fetch(
        `${connector.url}/v3/conversations/${recipient.kind === 'person' ? recipient.personId : 'x'}/activities`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id: message.deliveryId, text: message.text }),
        },
      );
      return response.ok ? { kind: 'delivered' } : { kind: 'undeliverable', reason: `HTTP ${response.status}` };
    },
  });
  const created = await app.lotse.hr.broadcasts.create('hr-a', {
    title: 'Bench',
    text: 'Lasttest',
    audience: { kind: 'roles', roles: ['staff'] },
    acknowledge: false,
  });
  if (created.kind !== 'ok') throw new Error(created.message);
  await app.lotse.hr.broadcasts.release('hr-b', created.broadcast.id);
  const started = performance.now();
  await app.lotse.hr.jobs.runDue();
  const seconds = (performance.now() - started) / 1000;
  const unique = new Set(connector.received);
  const teams = connector.received.length;
  const span = (connector.times.at(-1)! - connector.times[0]!) / 1000;
  const report = await app.lotse.hr.broadcasts.report(created.broadcast.id);
  const configured = app.lotse.hr.policy.ratePerSecond.teams ?? 30;
  console.log(
    JSON.stringify({
      benchmark: 'broadcast',
      recipientsViaTeams: recipients,
      configuredRate: configured,
      seconds: Number(seconds.toFixed(1)),
      achievedRate: Number(((teams - 1) / span).toFixed(2)),
      achievedShare: Number(((teams - 1) / span / configured).toFixed(3)),
      lost: recipients - [...unique].filter((id) => /:p\d+$/.test(id)).length,
      duplicated: teams - unique.size,
      report: report.kind === 'ok' ? report.report : null,
    }),
  );
  connector.close();
  await app.close();
}

async function intakeBench(): Promise<void> {
  const app = await startHrApp({ env: { DIRECTORY_FILE: writeDirectory(answers) } });
  const now = Date.now();
  const created = await app.lotse.hr.surveys.create('hr-a', {
    title: 'Bench',
    audience: { kind: 'all' },
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 86_400_000).toISOString(),
    questions: [
      { id: 'q1', type: 'scale', text: 'Wie geht es?', optional: false },
      { id: 'q2', type: 'single', text: 'Kanal?', options: ['A', 'B', 'C'], optional: false },
      { id: 'q3', type: 'text', text: 'Sonst?', optional: true },
    ],
  });
  if (created.kind !== 'ok') throw new Error(created.message);
  await app.lotse.hr.surveys.approve('pr-a', created.survey.id);
  await app.lotse.hr.surveys.open(created.survey.id);
  let next = 0;
  let stored = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < answers) {
      const person = `p${next++}`;
      const result = await app.call(person, 'POST', `/api/hr/surveys/${created.survey.id}/answers`, {
        answers: { q1: (next % 5) + 1, q2: next % 3, q3: 'Kommentar' },
      });
      if (result.status === 201) stored += 1;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const seconds = (performance.now() - started) / 1000;
  const participation = await app.lotse.hr.surveyStore.participation(created.survey.id);
  console.log(
    JSON.stringify({
      benchmark: 'survey-intake-http',
      answers,
      stored,
      seconds: Number(seconds.toFixed(2)),
      answersPerSecond: Math.round(stored / seconds),
      answeredInDb: participation.answered,
    }),
  );
  // The same intake without HTTP: what the survey service and SQLite sustain on their own.
  const second = await app.lotse.hr.surveys.create('hr-a', {
    title: 'Bench 2',
    audience: { kind: 'all' },
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 86_400_000).toISOString(),
    questions: [
      { id: 'q1', type: 'scale', text: 'Wie geht es?', optional: false },
      { id: 'q2', type: 'text', text: 'Sonst?', optional: true },
    ],
  });
  if (second.kind !== 'ok') throw new Error(second.message);
  await app.lotse.hr.surveys.approve('pr-a', second.survey.id);
  await app.lotse.hr.surveys.open(second.survey.id);
  const direct = performance.now();
  let directStored = 0;
  for (let index = 0; index < answers; index += 1)
    if ((await app.lotse.hr.surveys.submit(`p${index}`, second.survey.id, { q1: (index % 5) + 1, q2: 'Kommentar' })).kind === 'stored')
      directStored += 1;
  const directSeconds = (performance.now() - direct) / 1000;
  console.log(
    JSON.stringify({
      benchmark: 'survey-intake-service',
      answers,
      stored: directStored,
      seconds: Number(directSeconds.toFixed(2)),
      answersPerSecond: Math.round(directStored / directSeconds),
    }),
  );
  await app.close();
}

try {
  await intakeBench();
  await broadcastBench();
} finally {
  rmSync(work, { recursive: true, force: true });
}
