/**
 * A process that drains the HR outbox through a mock Teams channel which writes every delivery id to a
 * file (append, synchronous) and can SIGKILL its own process: before delivery number N (`kill-before`) or
 * right after it, before the outbox records it (`kill-after`). Used by the restart test.
 * Usage: node --import tsx hr-send-child.ts <dataDir> <deliveriesFile> <complete|kill-before|kill-after> [N]
 */
import { appendFileSync } from 'node:fs';
import { openHrOnly } from './hr-only.ts';

const [dataDir, file, mode = 'complete', limit = '0'] = process.argv.slice(2);
const app = await openHrOnly(dataDir!, process.env.HR_POLICIES_DIR);
let delivered = 0;
app.channels.register('teams', {
  reaches: () => true,
  async send(_recipient, message) {
    if (mode === 'kill-before' && delivered === Number(limit)) process.kill(process.pid, 'SIGKILL');
    appendFileSync(file!, `${message.deliveryId}\n`);
    delivered += 1;
    if (mode === 'kill-after' && delivered === Number(limit)) process.kill(process.pid, 'SIGKILL');
    return { kind: 'delivered' };
  },
});
await app.hr.jobs.runDue();
app.close();
