/**
 * Offline validation of the Teams manifest against the JSON schemas bundled with `@microsoft/app-manifest`.
 * `AppManifestUtils.validateAgainstSchema` is used when the package loads; version 1.1.2 requires
 * `fs-extra` without declaring it, so where that module is missing the same schema file is checked with the
 * same ajv settings (draft-04, allErrors, formats uri/email/regex) that the package uses.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Validation result: readable errors (empty when valid) and which validator ran. */
export interface ManifestValidation {
  readonly errors: readonly string[];
  readonly validator: 'AppManifestUtils' | 'bundled-schema';
}

const require = createRequire(import.meta.url);

function isMissingModule(error: unknown): boolean {
  return (
    (error instanceof Error && (error as Error & { code?: string }).code === 'MODULE_NOT_FOUND') ||
    (error instanceof Error && error.message.includes('Cannot find module'))
  );
}

/** The bundled schema file for a manifest's `$schema` URL (teams vX.Y only). */
export function bundledSchemaFile(schemaUrl: string): string {
  const match = /\/json-schemas\/teams\/(v[\d.]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/.exec(schemaUrl);
  if (!match?.[1]) throw new Error(`Not a Teams manifest schema URL: ${schemaUrl}`);
  return join(
    dirname(require.resolve('@microsoft/app-manifest/package.json')),
    'build/json-schemas/teams',
    match[1],
    'MicrosoftTeams.schema.json',
  );
}

async function withBundledSchema(manifest: Readonly<Record<string, unknown>>): Promise<readonly string[]> {
  const { default: Ajv } = (await import('ajv-draft-04')) as unknown as {
    default: new (options: object) => {
      compile(
        schema: object,
      ): ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string; params?: object }[] | null };
    };
  };
  const { default: addFormats } = (await import('ajv-formats')) as unknown as { default: (ajv: object, formats: string[]) => void };
  const raw = readFileSync(bundledSchemaFile(String(manifest.$schema ?? '')), 'utf8')
    .replace(/\\a/g, '\\u0007')
    .replace(/\\v/g, '\\u000b');
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(JSON.parse(raw) as object);
  if (validate(JSON.parse(JSON.stringify(manifest)))) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath} ${error.message ?? ''}. Details: ${JSON.stringify(error.params ?? {})}`,
  );
}

/** Validates offline; never fetches a schema from the network. */
export async function validateTeamsManifest(manifest: Readonly<Record<string, unknown>>): Promise<ManifestValidation> {
  bundledSchemaFile(String(manifest.$schema ?? '')); // refuse URLs that the package would fetch remotely
  try {
    const { AppManifestUtils } = await import('@microsoft/app-manifest');
    return { errors: await AppManifestUtils.validateAgainstSchema(manifest as never), validator: 'AppManifestUtils' };
  } catch (error) {
    if (!isMissingModule(error)) throw error;
  }
  return { errors: await withBundledSchema(manifest), validator: 'bundled-schema' };
}
