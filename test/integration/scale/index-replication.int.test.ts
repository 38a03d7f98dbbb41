/**
 * Issue #11, point 2: three `lotse serve` replicas on one PostgreSQL share one published index. Only the
 * `reindex` lease holder ingests the knowledge folder; all replicas answer with the same published
 * `indexVersion`; a document added to the shared folder and an FAQ entry approved through replica B are
 * answered on every replica after one cycle; after SIGKILL of the leader another replica takes the lease
 * and publishes the next change.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresStoreDatabase } from '../../../bot/adapters/sql/postgres-store-database.ts';
import { SqlFaqDrafts } from '../../../bot/adapters/storage/sql-faq-drafts.ts';
import { HttpSession } from '../../support/http-session.ts';
import { findPostgresBinaries, postgresSkipMessage, queryRows, startTestPostgres, type TestPostgres } from '../../support/postgres.ts';
import { removeReplicaDirs, startReplica, type Replica } from '../../support/replicas.ts';

const bin = findPostgresBinaries();
if (!bin) console.warn(postgresSkipMessage);

interface Answer {
  outcome: string;
  answer: string;
  citations: { document: string }[];
  provenance: { indexVersion: string };
}

const ingestEvents = (replica: Replica): number => (replica.stderr().match(/"event":"index-ingest"/g) ?? []).length;

async function ask(replica: Replica, question: string): Promise<Answer> {
  const session = new HttpSession(replica.url);
  await session.devLogin({ person: 'p-marek' });
  const response = await session.request('POST', '/api/chat', {
    body: JSON.stringify({ text: question }),
    type: 'application/json',
    csrf: true,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
}

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

const ready = (replica: Replica): Promise<string | undefined> =>
  fetch(`${replica.url}/readyz`).then(async (response) =>
    response.status === 200 ? ((await response.json()) as { indexVersion: string }).indexVersion : undefined,
  );

/** Waits until every replica answers `question` citing `document`; returns their index versions. */
async function answeredEverywhere(replicas: readonly Replica[], question: string, document: string): Promise<string[]> {
  return Promise.all(
    replicas.map((replica) =>
      eventually(
        async () => {
          const answer = await ask(replica, question);
          return answer.citations.some((citation) => citation.document === document) ? answer.provenance.indexVersion : undefined;
        },
        30_000,
        `${document} cited on ${replica.url}`,
      ),
    ),
  );
}

describe.skipIf(!bin)('one published index for three replicas on one PostgreSQL', () => {
  let server: TestPostgres;
  let url: string;
  let replicas: Replica[] = [];
  let folder: string;

  beforeAll(async () => {
    server = await startTestPostgres(bin);
    url = await server.createDatabase('index_replication');
    folder = mkdtempSync(join(tmpdir(), 'lotse-knowledge-'));
    cpSync(resolve(import.meta.dirname, '../../../knowledge/sources'), folder, { recursive: true });
    const env = {
      DATABASE_URL: url,
      KNOWLEDGE_DIR: folder,
      REINDEX_INTERVAL_S: '2',
      INDEX_POLL_S: '0.5',
      INDEX_LEASE_TTL_S: '10',
      LOG_LEVEL: 'info',
    };
    replicas = await Promise.all([0, 1, 2].map(() => startReplica(env, { timeoutMs: 150_000 })));
  }, 240_000);
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    removeReplicaDirs(replicas);
    server?.destroy();
    if (folder) rmSync(folder, { recursive: true, force: true });
  }, 60_000);

  it('has one replica ingest; all become ready and answer with the same published version', async () => {
    const versions = await Promise.all(replicas.map((replica) => eventually(() => ready(replica), 60_000, 'readyz 200')));
    expect(new Set(versions).size).toBe(1);
    expect(replicas.filter((replica) => ingestEvents(replica) > 0)).toHaveLength(1);
    const answers = await Promise.all(replicas.map((replica) => ask(replica, 'Wie viele Tage darf ich von zu Hause arbeiten?')));
    expect(answers.map((answer) => answer.provenance.indexVersion)).toEqual(versions);
    expect(answers.every((answer) => answer.citations.length > 0)).toBe(true);
  }, 90_000);

  it('answers a document added to the shared folder on every replica, with one new version', async () => {
    writeFileSync(
      join(folder, 'faq', 'fahrradkeller.md'),
      '---\ntitle: Fahrradkeller im Kreishaus\ntype: faq\nstand: 2026-11-01\n---\n\n# Fahrradkeller\n\n## Wer gibt Schlüssel für den Fahrradkeller aus?\n\nDen Schlüssel für den Fahrradkeller im Kreishaus gibt die Hausmeisterei in Raum E.017 gegen Unterschrift aus.\n',
    );
    const written = Date.now();
    const versions = await answeredEverywhere(replicas, 'Wer gibt den Schlüssel für den Fahrradkeller aus?', 'faq/fahrradkeller.md');
    expect(new Set(versions).size).toBe(1);
    const timings = replicas.flatMap((replica) =>
      replica
        .stderr()
        .split('\n')
        .filter((line) => /"event":"index-(published|loaded)"/.test(line))
        .map((line) => JSON.parse(line) as { event: string; ms: number }),
    );
    console.info(
      `new document answered everywhere after ${Date.now() - written} ms; publish/load ms: ${timings.map((entry) => `${entry.event.slice(6)} ${entry.ms}`).join(', ')}`,
    );
    expect(replicas.filter((replica) => ingestEvents(replica) > 0)).toHaveLength(1);
  }, 60_000);

  it('answers an FAQ entry approved through replica B on replica A', async () => {
    const [a, b] = replicas as [Replica, Replica, Replica];
    const asker = new HttpSession(b.url);
    await asker.devLogin({ person: 'p-marek' });
    const chat = await asker.request('POST', '/api/chat', {
      body: JSON.stringify({ text: 'Wo leihe ich einen Beamer aus?' }),
      type: 'application/json',
      csrf: true,
    });
    const { conversationId } = (await chat.json()) as { conversationId: string };
    const created = await asker.request('POST', '/api/tickets', {
      body: JSON.stringify({ conversationId }),
      type: 'application/json',
      csrf: true,
    });
    const { ticket } = (await created.json()) as { ticket: { id: string } };
    const shared = postgresStoreDatabase(url);
    const draft = await new SqlFaqDrafts(shared).create({
      ticketId: ticket.id,
      question: 'Wo leihe ich einen Beamer für eine Besprechung aus?',
      answer: 'Beamer verleiht die Medienstelle im Raum B.204 nach Reservierung im Buchungskalender.',
      draftedBy: 'p-aylin',
      at: '2026-11-20T09:00:00.000Z',
    });
    await shared.close();
    const owner = new HttpSession(b.url);
    await owner.devLogin({ person: 'p-helga' });
    const approved = await owner.request('POST', `/api/faq-drafts/${draft.id}/approve`, { csrf: true });
    expect(approved.status).toBeLessThan(400);
    const answer = await eventually(
      async () => {
        const reply = await ask(a, 'Wo kann ich einen Beamer für eine Besprechung ausleihen?');
        return reply.citations.some((citation) => citation.document === `lotse-faq/${draft.id}.md`) ? reply : undefined;
      },
      30_000,
      'the FAQ entry on replica A',
    );
    expect(answer.answer).toContain('Medienstelle');
  }, 60_000);

  it('turns an upload on a follower into a leader cycle; the console answer comes after the leader handled it', async () => {
    const follower = replicas.find((replica) => ingestEvents(replica) === 0)!;
    const owner = new HttpSession(follower.url);
    await owner.devLogin({ person: 'p-frank' });
    const text =
      '---\ntitle: Kopierer im Kreishaus\ntype: faq\nstand: 2026-11-01\n---\n\n# Kopierer\n\n## Wo steht der Farbkopierer?\n\nDer Farbkopierer steht im Kreishaus im Raum C.110 neben der Poststelle.\n';
    const uploaded = await owner.request('POST', '/api/sources?name=kopierer.md', {
      body: text,
      type: 'application/octet-stream',
      csrf: true,
    });
    expect(uploaded.status).toBe(201);
    expect(ingestEvents(follower)).toBe(0);
    const [requests] = await queryRows<{ handled: number; total: number }>(
      url,
      'SELECT count(handled_at)::int AS handled, count(*)::int AS total FROM index_reindex_requests',
    );
    if (!requests) throw new Error('no re-index request row');
    expect(requests.total).toBeGreaterThanOrEqual(1);
    expect(requests.handled).toBe(requests.total);
    await answeredEverywhere(replicas, 'Wo steht der Farbkopierer?', 'uploads/kopierer.md');
  }, 90_000);

  it('hands the lease to another replica after SIGKILL of the leader, which publishes the next change', async () => {
    const leader = replicas.find((replica) => ingestEvents(replica) > 0)!;
    await leader.kill();
    const survivors = replicas.filter((replica) => replica !== leader);
    writeFileSync(
      join(folder, 'faq', 'parkplatz.md'),
      '---\ntitle: Parkplätze am Kreishaus\ntype: faq\nstand: 2026-11-01\n---\n\n# Parkplätze\n\n## Wo parke ich als Besucherin am Kreishaus?\n\nBesucherparkplätze liegen im Parkhaus Lindenstraße, Ebene 2, die ersten zwei Stunden sind kostenfrei.\n',
    );
    const versions = await answeredEverywhere(survivors, 'Wo parke ich als Besucherin am Kreishaus?', 'faq/parkplatz.md');
    expect(new Set(versions).size).toBe(1);
    expect(survivors.filter((replica) => ingestEvents(replica) > 0)).toHaveLength(1);
  }, 60_000);

  it('lets `lotse ingest --publish` stand by while a serving replica holds the lease', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lotse-cron-'));
    const run = spawnSync(process.execPath, ['bin/lotse.js', 'ingest', folder, '--publish', '--data', dataDir], {
      cwd: resolve(import.meta.dirname, '../../..'),
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: url, AUTH_MODE: 'dev', LOG_LEVEL: 'warn' },
    });
    rmSync(dataDir, { recursive: true, force: true });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/holds the reindex lease/);
  }, 60_000);
});
