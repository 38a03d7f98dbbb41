/**
 * The directory with several replicas (issue #11): one replica (holder of the lease `directory-import`)
 * reads `DIRECTORY_FILE` and publishes it to the shared store whenever its content changes; every replica
 * follows the store's current version and swaps its in-memory directory at once. Components keep one
 * `Directory` object (a `SwitchableDirectory`), so nothing has to be re-wired on a change.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseDirectoryData } from '../adapters/directory/load-directory.ts';
import { StaticDirectory } from '../adapters/directory/static-directory.ts';
import { directoryVersionOf } from '../adapters/directory/sql-directory-versions.ts';
import type { DirectoryFile } from '../adapters/directory/directory-schema.ts';
import type { DirectoryVersions } from '../ports/directory-versions.ts';
import type { Directory, LotseAssignment, OrgUnit, Person } from '../ports/directory.ts';
import type { JobLeases } from '../ports/job-lease.ts';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../shared/logger.ts';
import { describeError } from '../shared/errors.ts';

/** A `Directory` that delegates to the current version and can be switched atomically. */
export class SwitchableDirectory implements Directory {
  constructor(private current: Directory) {}
  switchTo(next: Directory): void {
    this.current = next;
  }
  unit(id: string): OrgUnit | undefined {
    return this.current.unit(id);
  }
  units(): readonly OrgUnit[] {
    return this.current.units();
  }
  unitPath(id: string): readonly OrgUnit[] {
    return this.current.unitPath(id);
  }
  unitWithDescendants(id: string): readonly OrgUnit[] {
    return this.current.unitWithDescendants(id);
  }
  person(id: string): Person | undefined {
    return this.current.person(id);
  }
  people(): readonly Person[] {
    return this.current.people();
  }
  personByChannelId(channel: 'email' | 'jid' | 'aadObjectId', value: string): Person | undefined {
    return this.current.personByChannelId(channel, value);
  }
  lotsenFor(unitId: string): LotseAssignment | undefined {
    return this.current.lotsenFor(unitId);
  }
}

/** What the directory sync needs. */
export interface DirectorySyncDeps {
  readonly versions: DirectoryVersions<DirectoryFile>;
  readonly file: string;
  readonly leases: JobLeases;
  readonly replicaId: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Lease time; the holder renews it on every tick. */
  readonly leaseMs?: number;
}

/** The running sync: the directory to hand to components, and the periodic step. */
export interface DirectorySync {
  readonly directory: SwitchableDirectory;
  /** Version in use on this replica. */
  version(): string;
  /**
   * Imports the file when this replica holds the lease and the file changed; then follows the store. Never
   * rejects (failures are logged); a tick while one runs gets that one's promise, so ticks never overlap.
   */
  tick(): Promise<void>;
}

/**
 * Starts the sync: imports the file first when this replica may (lease), then loads the store's current
 * version. Throws (stopping start-up) only when neither the store nor the file gives a valid directory.
 */
export async function startDirectorySync(deps: DirectorySyncDeps): Promise<DirectorySync> {
  const leaseMs = deps.leaseMs ?? 120_000;
  let version = '';
  let lastFileVersion = '';
  let lastStat = '';
  const importFile = async (): Promise<void> => {
    if ((await deps.leases.acquire('directory-import', deps.replicaId, deps.clock.now(), leaseMs)).kind !== 'held') return;
    const stat = statSync(deps.file);
    const statKey = `${stat.mtimeMs}:${stat.size}`;
    if (statKey === lastStat && lastFileVersion) return; // unchanged file: no need to parse it again
    lastStat = statKey;
    const data = parseDirectoryData(readFileSync(deps.file, 'utf8'), deps.file);
    const fileVersion = directoryVersionOf(data);
    if (fileVersion === lastFileVersion) return;
    if (await deps.versions.publish(data, deps.file, deps.clock.now().toISOString()))
      deps.logger.info('directory-published', { version: fileVersion, people: data.people.length });
    lastFileVersion = fileVersion;
  };
  const follow = async (): Promise<void> => {
    const current = await deps.versions.currentVersion();
    if (!current || current === version) return;
    const data = await deps.versions.load(current);
    if (!data) {
      deps.logger.error('directory-version-unreadable', { version: current });
      return;
    }
    directory.switchTo(new StaticDirectory(data));
    if (version) deps.logger.info('directory-switched', { from: version, to: current, people: data.people.length });
    version = current;
  };
  await importFile();
  const initial = await deps.versions.currentVersion();
  const initialData = initial ? await deps.versions.load(initial) : undefined;
  // No published version yet and another replica holds the lease: start from the own file until it publishes.
  const directory = new SwitchableDirectory(
    new StaticDirectory(initialData ?? parseDirectoryData(readFileSync(deps.file, 'utf8'), deps.file)),
  );
  version = initialData ? initial! : '';
  const step = async (): Promise<void> => {
    try {
      await importFile();
    } catch (error) {
      // A broken file (or an unreachable lease store) after start is reported; the replicas keep the last good directory.
      deps.logger.error('directory-import-failed', { file: deps.file, error: describeError(error) });
    }
    try {
      await follow();
    } catch (error) {
      deps.logger.error('directory-follow-failed', { error: describeError(error) });
    }
  };
  let running: Promise<void> | undefined;
  return {
    directory,
    version: () => version,
    tick: () => {
      running ??= step().finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}
