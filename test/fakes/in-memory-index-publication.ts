/** Deterministic in-memory `IndexPublication` (the same rules as the SQL store), asynchronous like the port. */
import type {
  IndexPublication,
  Publication,
  PublishedFile,
  PublishedVersion,
  PublishResult,
  ReindexRequest,
} from '../../bot/ports/index-publication.ts';

/** Versions and requests in arrays; pass the same instance to several "replicas" to simulate a shared store. */
export class InMemoryIndexPublication implements IndexPublication {
  private versions: { version: PublishedVersion; files: PublishedFile[] }[] = [];
  private readonly requests: ReindexRequest[] = [];

  async latest(): Promise<PublishedVersion | undefined> {
    return this.versions.at(-1)?.version;
  }

  async publish(publication: Publication, keep = 3): Promise<PublishResult> {
    if (this.versions.some((stored) => stored.version.version === publication.version)) return { kind: 'exists' };
    const { files, ...version } = publication;
    this.versions.push({ version, files: files.map((file) => ({ name: file.name, bytes: Buffer.from(file.bytes) })) });
    this.versions = this.versions.slice(-keep);
    return { kind: 'published' };
  }

  async fetch(version: string): Promise<{ version: PublishedVersion; files: PublishedFile[] } | undefined> {
    const stored = this.versions.find((entry) => entry.version.version === version);
    return stored
      ? { version: stored.version, files: stored.files.map((file) => ({ name: file.name, bytes: Buffer.from(file.bytes) })) }
      : undefined;
  }

  async requestReindex(by: string, at: string): Promise<number> {
    const id = this.requests.length + 1;
    this.requests.push({ id, requestedBy: by, requestedAt: at });
    return id;
  }

  async pendingRequests(): Promise<ReindexRequest[]> {
    return this.requests.filter((request) => !request.handledAt);
  }

  async markHandled(ids: readonly number[], at: string, report: string): Promise<void> {
    for (const [index, request] of this.requests.entries()) {
      if (ids.includes(request.id) && !request.handledAt) this.requests[index] = { ...request, handledAt: at, report };
    }
  }

  async request(id: number): Promise<ReindexRequest | undefined> {
    return this.requests.find((request) => request.id === id);
  }
}
