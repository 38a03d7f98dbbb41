/**
 * `lotse ingest <folder> --publish`: one re-index leader cycle under the `reindex` lease (for a cron job
 * next to the replicas): ingest into this data dir's work copy and publish when the knowledge changed.
 */
import { createReplicaLeader } from '../../app/index-replication.ts';
import type { Lotse } from '../../app/lotse.ts';
import { silentLogger } from '../../shared/logger.ts';
import type { CliIo } from '../cli-io.ts';

/** Runs one leader cycle; exit code 0 when published, unchanged or another replica leads. */
export async function publishOnce(lotse: Lotse, folder: string, io: CliIo): Promise<number> {
  if (!lotse.index) {
    io.stderr('--publish needs DATABASE_URL (the shared PostgreSQL of the replicas).\n');
    return 1;
  }
  const leader = createReplicaLeader(lotse, silentLogger, folder);
  const step = await leader.tick();
  await leader.release();
  if (step.kind === 'published') io.stdout(`Published index version ${step.version} (${step.bytes} bytes in ${step.ms} ms).\n`);
  else if (step.kind === 'unchanged') io.stdout('Knowledge unchanged: nothing published.\n');
  else if (step.kind === 'standby') io.stdout(`Replica ${step.holder} holds the reindex lease and publishes; nothing to do.\n`);
  else io.stderr(`Publishing failed: ${step.kind === 'failed' ? step.reason : 'the reindex lease was lost'}.\n`);
  return step.kind === 'published' || step.kind === 'unchanged' || step.kind === 'standby' ? 0 : 1;
}
