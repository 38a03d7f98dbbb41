/**
 * A lotse process that drains the HR outbox through a mock Teams channel which writes every delivery id
 * to a file (append, synchronous) and can SIGKILL its own process: before delivery number N
 * (`kill-before`) or right after it, before the outbox records it (`kill-after`). Used by the restart test.
 * Usage: node --import tsx hr-send-child.ts <dataDir> <deliveriesFile> <complete|kill-before|kill-after> [N]
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLotse } from '../../bot/app/create-lotse.ts';
import { loadConfig } from '../../bot/config/config.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { repoRoot } from './real-app.ts';
import { fakeAnalyzer } from '../fakes/fake-analyzer.ts';

const [dataDir, file, mode = 'complete', limit = '0'] = process.argv.slice(2);
const lotse = await createLotse(loadConfig({ DIRECTORY_FILE: join(repoRoot, 'test/fixtures/hr/directory.yaml'), POLICIES_DIR: process.env.HR_POLICIES_DIR ?? join(repoRoot, 'policies') }, { dataDir: dataDir! }, repoRoot), silentLogger, { analyzer: fakeAnalyzer }); // HR does not use the German analyzer; skipping its dictionary saves start-up time
let delivered = 0;
lotse.channels.register('teams', {
  reaches: () => true,
  async send(_recipient, message) {
    if (mode === 'kill-before' && delivered === Number(limit)) process.kill(process.pid, 'SIGKILL');
    appendFileSync(file!, `${message.deliveryId}\n`);
    delivered += 1;
    if (mode === 'kill-after' && delivered === Number(limit)) process.kill(process.pid, 'SIGKILL');
    return { kind: 'delivered' };
  },
});
await lotse.hr.jobs.runDue();
lotse.close();
