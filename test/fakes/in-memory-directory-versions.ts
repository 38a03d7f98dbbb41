/** Deterministic in-memory `DirectoryVersions` (the same rules as the SQL store), asynchronous like the port. */
import { directoryVersionOf } from '../../bot/adapters/directory/sql-directory-versions.ts';
import type { DirectoryFile } from '../../bot/adapters/directory/directory-schema.ts';
import type { DirectoryVersions } from '../../bot/ports/directory-versions.ts';

/** Versions in a Map; pass the same instance to several "replicas" to simulate a shared store. */
export class InMemoryDirectoryVersions implements DirectoryVersions<DirectoryFile> {
  private readonly versions = new Map<string, { json: string; publishedAt: string }>();
  private current: string | undefined;

  async currentVersion(): Promise<string | undefined> {
    return this.current;
  }

  async publish(data: DirectoryFile, _source: string, at: string): Promise<boolean> {
    const version = directoryVersionOf(data);
    if (this.current === version) return false;
    this.versions.set(version, { json: JSON.stringify(data), publishedAt: at });
    this.current = version;
    const newest = [...this.versions]
      .sort(([a, x], [b, y]) => y.publishedAt.localeCompare(x.publishedAt) || a.localeCompare(b))
      .slice(0, 5)
      .map(([key]) => key);
    for (const key of [...this.versions.keys()]) if (!newest.includes(key)) this.versions.delete(key);
    return true;
  }

  async load(version: string): Promise<DirectoryFile | undefined> {
    const stored = this.versions.get(version);
    return stored ? (JSON.parse(stored.json) as DirectoryFile) : undefined;
  }

  /** How many versions are kept (the SQL store's row count). */
  size(): number {
    return this.versions.size;
  }
}
