/**
 * Reliability: kill -9 of a replica during survey intake. Two replicas on PostgreSQL take web-form
 * responses from 40 people (some submit to both replicas, as a retried request behind a load balancer
 * would); one replica is killed mid-intake and restarted. Nobody is counted twice, answers per question
 * always equal participants (a person is counted with all answers or not at all), the responses the killed
 * replica still held in memory are not stored — those people are still non-participants, get the reminder
 * and answer again — and at close every replica writes its remaining buffer.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { HttpSession } from '../support/http-session.ts';
import { findPostgresBinaries, postgresSkipMessage, withPgClient } from '../support/postgres.ts';
import { startReplica, usePostgresReplicas, type Replica } from '../support/replicas.ts';

const bin = findPostgresBinaries();
if (!bin) console.warn(postgresSkipMessage);
const people = Array.from({ length: 40 }, (_, index) => `p-staff${String(index + 1).padStart(2, '0')}`);
const json = (value: unknown) => ({ body: JSON.stringify(value), type: 'application/json', csrf: true });
const dir = mkdtempSync(join(tmpdir(), 'lotse-survey-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function directoryFile(): string {
  const directory = parse(readFileSync(resolve(import.meta.dirname, '../../knowledge/directory/musterland.yaml'), 'utf8')) as {
    units: object[];
    people: object[];
  };
  directory.units.push({ id: 'A99', name: 'Testamt', kind: 'amt', parent: 'D3' });
  for (const id of people) directory.people.push({ id, name: `Test ${id}`, unit: 'A99', roles: ['staff'], kiTrained: true });
  const file = join(dir, 'directory.yaml');
  writeFileSync(file, stringify(directory));
  return file;
}

async function counts(url: string, surveyId: string): Promise<{ answered: number; perQuestion: Record<string, number>; open: string[] }> {
  return withPgClient(url, async (client) => {
    const answered = (
      await client.query<{ n: number }>('SELECT count(*)::int AS n FROM hr_survey_participation WHERE survey_id = $1 AND answered = 1', [
        surveyId,
      ])
    ).rows[0]!.n;
    const rows = (
      await client.query<{ question_id: string; n: number }>(
        'SELECT question_id, count(*)::int AS n FROM hr_survey_answers WHERE survey_id = $1 GROUP BY question_id',
        [surveyId],
      )
    ).rows;
    const open = (
      await client.query<{ person_id: string }>(
        'SELECT person_id FROM hr_survey_participation WHERE survey_id = $1 AND answered = 0 ORDER BY person_id',
        [surveyId],
      )
    ).rows.map((row) => row.person_id);
    return { answered, perQuestion: Object.fromEntries(rows.map((row) => [row.question_id, row.n])), open };
  });
}

async function session(url: string, person: string): Promise<HttpSession> {
  const client = new HttpSession(url);
  await client.devLogin({ person });
  return client;
}

/** Submits a response; `lost` when the replica died before it answered. */
async function answer(client: HttpSession, surveyId: string, index: number): Promise<string> {
  try {
    const response = await client.request(
      'POST',
      `/api/hr/surveys/${surveyId}/answers`,
      json({ answers: { zufrieden: (index % 5) + 1, kanal: index % 3 } }),
    );
    const body = (await response.json()) as { kind: string; reason?: string };
    return body.reason ?? body.kind;
  } catch {
    return 'lost';
  }
}

const rebase = (client: HttpSession, url: string): HttpSession => {
  const moved = new HttpSession(url);
  for (const name of ['lotse_session', 'lotse_csrf']) moved.setCookie(name, client.cookie(name)!);
  return moved;
};

describe.skipIf(!bin)('kill -9 of a replica during survey intake', () => {
  const { server, replicas } = usePostgresReplicas(bin!);

  it('counts nobody twice, keeps answers equal to participants, and leaves lost responses as non-participants', async () => {
    const url = await server().createDatabase('survey_kill');
    const env = { DATABASE_URL: url, DIRECTORY_FILE: directoryFile() };
    const [victim, survivor] = (await Promise.all([startReplica(env), startReplica(env)])) as [Replica, Replica];
    replicas.push(victim, survivor);
    const hr = await session(survivor.url, 'p-nina');
    const now = Date.now();
    const draft = {
      title: 'Puls nach dem Umzug',
      audience: { kind: 'units', units: ['A99'], includeSubunits: true },
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 86_400_000).toISOString(),
      questions: [
        { id: 'zufrieden', type: 'scale', text: 'Wie zufrieden sind Sie?' },
        { id: 'kanal', type: 'single', text: 'Wo lesen Sie Neuigkeiten?', options: ['Teams', 'Jabber', 'Intranet'] },
      ],
    };
    const created = (await (await hr.request('POST', '/api/hr/surveys', json(draft))).json()) as { survey: { id: string } };
    const surveyId = created.survey.id;
    const pr = await session(survivor.url, 'p-peter');
    expect((await pr.request('POST', `/api/hr/surveys/${surveyId}/approve`, { csrf: true })).status).toBe(200);
    expect((await hr.request('POST', `/api/hr/surveys/${surveyId}/open`, { csrf: true })).status).toBe(200);

    const onSurvivor = await Promise.all(people.map((person) => session(survivor.url, person)));
    const onVictim = onSurvivor.map((client) => rebase(client, victim.url));
    // Even people answer on the victim, odd ones on the survivor; every third also submits to the other replica.
    let storedOnVictim = 0;
    let killing: Promise<void> | undefined;
    const outcomes = new Map<string, string[]>();
    const submit = async (index: number): Promise<void> => {
      const mine = index % 2 === 0 ? [onVictim[index]!] : [onSurvivor[index]!];
      if (index % 3 === 0) mine.push(index % 2 === 0 ? onSurvivor[index]! : onVictim[index]!);
      const results = await Promise.all(
        mine.map(async (client) => {
          const result = await answer(client, surveyId, index);
          if (client === onVictim[index] && result === 'stored' && ++storedOnVictim === 12) killing = victim.kill();
          return result;
        }),
      );
      outcomes.set(people[index]!, results);
    };
    for (let start = 0; start < people.length; start += 4) await Promise.all([0, 1, 2, 3].map((offset) => submit(start + offset)));
    await killing;
    expect(victim.child.exitCode === null && victim.child.signalCode === 'SIGKILL').toBe(true);
    const lostRequests = [...outcomes.values()].flat().filter((result) => result === 'lost').length;
    expect(lostRequests).toBeGreaterThan(0);

    const afterKill = await counts(url, surveyId);
    console.info(
      `survey kill -9: ${afterKill.answered} counted, ${afterKill.open.length} still non-participants, ${lostRequests} requests lost`,
    );
    expect(afterKill.perQuestion.zufrieden ?? 0).toBe(afterKill.answered);
    expect(afterKill.perQuestion.kanal ?? 0).toBe(afterKill.answered);
    expect(afterKill.answered + afterKill.open.length).toBe(people.length);
    // Responses the victim confirmed but still held in memory are gone; those people can answer again.
    expect(afterKill.open.length).toBeGreaterThan(0);

    const restarted = await startReplica(env, { dataDir: victim.dataDir });
    replicas.push(restarted);
    const again = await Promise.all(
      afterKill.open.map(async (person) =>
        answer(rebase(onSurvivor[people.indexOf(person)]!, restarted.url), surveyId, people.indexOf(person)),
      ),
    );
    expect(again.every((result) => result === 'stored' || result === 'already_answered')).toBe(true);
    const twice = await Promise.all(
      people.slice(0, 6).map(async (person, index) => answer(rebase(onSurvivor[index]!, restarted.url), surveyId, index)),
    );
    expect(twice.every((result) => result === 'already_answered' || result === 'stored')).toBe(true);

    // Close on the survivor; the restarted replica writes its buffer at its next HR job tick (15 s).
    expect((await hr.request('POST', `/api/hr/surveys/${surveyId}/close`, { csrf: true })).status).toBe(200);
    const deadline = Date.now() + 40_000;
    let final = await counts(url, surveyId);
    while (final.answered < people.length && Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, 1000));
      final = await counts(url, surveyId);
    }
    expect(final.answered).toBe(people.length);
    expect(final.open).toEqual([]);
    expect(final.perQuestion).toEqual({ zufrieden: people.length, kanal: people.length });
  }, 180_000);
});
