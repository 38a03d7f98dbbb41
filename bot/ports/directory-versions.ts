/**
 * The directory shared by replicas (issue #11): validated directory data as versioned JSON in the shared
 * store, plus a pointer to the current version. `Data` is the parsed directory file (the adapter's schema).
 */

/** Versioned directory data in the shared store (asynchronous, issue #20). */
export interface DirectoryVersions<Data> {
  /** Version the replicas should use now (undefined before the first publication). */
  currentVersion(): Promise<string | undefined>;
  /** Makes `data` the current directory atomically; `false` when it already was. */
  publish(data: Data, source: string, at: string): Promise<boolean>;
  /** The data of a version, validated again; undefined when unknown or invalid. */
  load(version: string): Promise<Data | undefined>;
}
