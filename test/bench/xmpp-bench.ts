/**
 * `npm run bench:xmpp`: the Jabber channel through a real Prosody on loopback.
 * 1. Round-trip latency: a user sends the answerable sample questions one after another; time from
 *    sending to the bot's reply arriving (retrieval-only answers, no language model). p50/p95 against
 *    the target p95 ≤ 100 ms, next to the core's own time for the same questions.
 * 2. 50 users asking at once: time until each has the answer.
 * 3. Reconnect: the server is restarted several times; during each outage proactive messages are queued.
 *    Time from the server listening again to the bot being online (target ≤ 10 s), and messages lost (target 0).
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { percentile } from './metrics.ts';
import { loadQuestionSet } from '../eval/question-set.ts';
import { prosodyAvailable } from '../support/prosody.ts';
import { repoRoot } from '../support/real-app.ts';
import { extraUsers, startXmppWorld } from '../support/xmpp-app.ts';

const rounds = Number(process.env.BENCH_XMPP_ROUNDS ?? 3);
const repeats = Number(process.env.BENCH_XMPP_REPEATS ?? 5);
/**
 * The test client always sets TCP_NODELAY (as the bot does): otherwise its own Nagle delay (~40 ms after a small
 * stream-management ack) is measured. `BENCH_XMPP_TUNED=1` also turns Nagle off in Prosody (`network_settings = { nagle = false }`).
 */
const tuned = process.env.BENCH_XMPP_TUNED === '1';

function summary(label: string, values: readonly number[]): string {
  return `${label}: n=${values.length} p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;
}

async function main(): Promise<void> {
  if (!prosodyAvailable) {
    console.log('bench:xmpp skipped: /usr/bin/prosody is not installed');
    return;
  }
  const questions = loadQuestionSet(join(repoRoot, 'test/eval/questions/sample.yaml'))
    .filter((item) => item.expect === 'answered')
    .map((item) => item.question);
  const setupStart = performance.now();
  const world = await startXmppWorld({
    extra: 50,
    xmppEnv: { XMPP_RATE_PER_MINUTE: '10000', XMPP_RATE_BURST: '1000' },
    ...(tuned ? { nagle: false } : {}),
  });
  console.log(
    `configuration: ${tuned ? 'Prosody with nagle = false' : 'Prosody defaults'}, test client and bot with TCP_NODELAY; load average ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')}`,
  );
  console.log(`setup (Prosody, 58 accounts, ingest, bot login): ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);
  try {
    const sabine = await world.login('sabine', undefined, { noDelay: true });
    const commands: number[] = [];
    for (let index = 0; index < 50; index += 1) {
      const start = performance.now();
      await sabine.ask(world.botJid, 'hilfe');
      commands.push(performance.now() - start);
    }
    console.log(summary('round trip "hilfe" (transport + channel, no retrieval)', commands));
    const roundTrips: number[] = [];
    const core: number[] = [];
    for (let repeat = 0; repeat < repeats; repeat += 1) {
      for (const question of questions) {
        const start = performance.now();
        const [reply] = await sabine.ask(world.botJid, question);
        roundTrips.push(performance.now() - start);
        if (!reply?.body) throw new Error('empty reply');
        const direct = performance.now();
        await world.app.lotse.chat.handleTurn({ channel: 'cli', userId: 'bench', text: question });
        core.push(performance.now() - direct);
      }
    }
    console.log(
      summary('round trip question → answer via Prosody', roundTrips),
      roundTrips.length && percentile(roundTrips, 95) <= 100 ? '(target p95 ≤ 100 ms: met)' : '(target p95 ≤ 100 ms: NOT met)',
    );
    console.log(summary('same questions in process (core only)', core));

    const users = await Promise.all(extraUsers(50).map((name) => world.login(name)));
    const burstStart = performance.now();
    const perUser = await Promise.all(
      users.map(async (user, index) => {
        await user.ask(world.botJid, questions[index % questions.length]!, 1, 30_000);
        return performance.now() - burstStart;
      }),
    );
    console.log(summary('50 users asking at once, time to answer', perUser));

    const reconnect: number[] = [];
    const outage: number[] = [];
    let sent = 0;
    let received = 0;
    for (let round = 0; round < rounds; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 600)); // let stream-management acks settle
      const stopAt = performance.now();
      await world.prosody.stop();
      for (let index = 0; index < 10; index += 1) {
        await world.app.lotse.channels.send(
          { kind: 'person', personId: 'p-erika' },
          { kind: 'notice', text: `Runde ${round} Nachricht ${index}` },
        );
        sent += 1;
      }
      await world.prosody.start();
      const listening = performance.now();
      while (!world.xmpp.channel.connection.isOnline()) await new Promise((resolve) => setTimeout(resolve, 5));
      reconnect.push(performance.now() - listening);
      outage.push(performance.now() - stopAt);
      const erika = await world.login('erika');
      const got = await erika.nextMessages(10, 15_000).catch(() => erika.received);
      received += new Set(got.map((message) => message.body).filter((body) => body.startsWith(`Runde ${round} `))).size;
      await erika.stop();
    }
    console.log(
      summary('reconnect: server listening → bot online', reconnect),
      percentile(reconnect, 100) <= 10_000 ? '(target ≤ 10 s: met)' : '(target ≤ 10 s: NOT met)',
    );
    console.log(summary('reconnect: server stopped → bot online (incl. restart)', outage));
    console.log(`messages queued during outages: ${sent}, received: ${received}, lost: ${sent - received}`);
    await Promise.all([sabine, ...users].map((client) => client.stop()));
  } finally {
    await world.close();
  }
}

await main();
