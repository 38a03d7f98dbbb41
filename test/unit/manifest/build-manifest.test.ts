import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildManifest, fillManifest, manifestValues } from '../../../manifest/build-manifest.ts';
import { validateTeamsManifest } from '../../../manifest/validate-manifest.ts';

const env = { MICROSOFT_APP_ID: '0b5e2a4c-3333-4e4f-9a1b-00000000b07f', LOTSE_PUBLIC_URL: 'https://lotse.kreis-musterland.example' };
const template = readFileSync(join(import.meta.dirname, '../../../manifest/manifest.template.json'), 'utf8');

/** Reads the entries of a ZIP written by our writer (local headers, deflate). */
function unzip(archive: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  let offset = 0;
  while (archive.readUInt32LE(offset) === 0x04034b50) {
    const size = archive.readUInt32LE(offset + 18);
    const nameLength = archive.readUInt16LE(offset + 26);
    const name = archive.subarray(offset + 30, offset + 30 + nameLength).toString('utf8');
    const start = offset + 30 + nameLength;
    entries.set(name, inflateRawSync(archive.subarray(start, start + size)));
    offset = start + size;
  }
  return entries;
}

describe('Teams app package', () => {
  it('fills the template, validates offline against the bundled schema and zips manifest and icons', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'teams-manifest-'));
    const result = await buildManifest(manifestValues(env), outDir);
    expect(result.errors).toEqual([]);
    const entries = unzip(readFileSync(result.zip!));
    expect([...entries.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      manifestVersion: '1.30',
      id: env.MICROSOFT_APP_ID,
      bots: [{ botId: env.MICROSOFT_APP_ID }],
      validDomains: ['lotse.kreis-musterland.example'],
    });
    const size = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(size(entries.get('color.png')!)).toEqual([192, 192]);
    expect(size(entries.get('outline.png')!)).toEqual([32, 32]);
  });

  it('reports schema errors for an invalid manifest', async () => {
    const { developer: _missing, ...manifest } = fillManifest(template, manifestValues(env));
    const broken = { ...manifest, accentColor: 'blau', bots: [{ botId: 'not-a-guid', scopes: ['everywhere'] }] };
    const { errors } = await validateTeamsManifest(broken);
    const text = errors.join('\n');
    expect(text).toContain('developer');
    expect(text).toContain('/accentColor');
    expect(text).toContain('/bots/0/botId');
  });

  it('names missing or invalid variables', () => {
    expect(() => manifestValues({})).toThrow(/MICROSOFT_APP_ID/);
    expect(() => manifestValues({ ...env, LOTSE_PUBLIC_URL: 'http://intranet' })).toThrow(/LOTSE_PUBLIC_URL/);
  });
});
