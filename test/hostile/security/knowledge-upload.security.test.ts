/**
 * Issue #18, item 10: an upload's front-matter could set `owner`, `tenant` and `supersedes` for any
 * document, and an upload replaced another unit's upload of the same name. Owners now publish only into their
 * own unit's documents; `supersedes` (upload or console form) only for documents they own.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { HttpSession } from '../../support/http-session.ts';
import { startRealAppOnCopy, type RunningApp } from '../../support/real-app.ts';
import { securityTable } from './security-table.ts';

const table = securityTable('Knowledge uploads (issue #18, item 10)');
let app: RunningApp & { readonly folder: string };
let helga: HttpSession;
let frank: HttpSession;

beforeAll(async () => {
  app = await startRealAppOnCopy({ AUTH_MODE: 'dev' });
  helga = new HttpSession(app.url);
  await helga.devLogin({ person: 'p-helga' }); // owner, Gesundheitsamt (A53)
  frank = new HttpSession(app.url);
  await frank.devLogin({ person: 'p-frank' }); // owner and admin, A11
});

afterAll(async () => {
  await app?.close();
});

const markdown = (front: string, body = 'Die Drucker im Kreishaus werden jeden ersten Montag im Monat gewartet.'): string =>
  `---\ntitle: Hinweis\nstand: 2026-12-01\n${front}---\n# Hinweis\n\n${body}\n`;

async function upload(session: HttpSession, name: string, text: string): Promise<number> {
  return (
    await session.request('POST', `/api/sources?name=${encodeURIComponent(name)}`, {
      body: text,
      type: 'application/octet-stream',
      csrf: true,
    })
  ).status;
}

describe('uploads by an owner of the Gesundheitsamt', () => {
  it('refuses metadata that claims other units, other counties or their documents', async () => {
    table.record(
      'front-matter owner: Amt für IT und Digitalisierung',
      403,
      await upload(helga, 'fremd-owner.md', markdown('owner: Amt für IT und Digitalisierung\n')),
    );
    table.record('front-matter tenant: Kreis Nordheide', 403, await upload(helga, 'fremd-kreis.md', markdown('tenant: Kreis Nordheide\n')));
    table.record(
      'front-matter supersedes: faq/faq-digitales-arbeiten.md (IT)',
      403,
      await upload(helga, 'ersetzt-faq.md', markdown('supersedes: faq/faq-digitales-arbeiten.md\n')),
    );
  });

  it('accepts an upload for the own unit and keeps it hers', async () => {
    table.record(
      'front-matter owner: Gesundheitsamt (control)',
      201,
      await upload(helga, 'gesundheit.md', markdown('owner: Gesundheitsamt\n')),
    );
    table.record(
      'her own re-upload of gesundheit.md',
      201,
      await upload(helga, 'gesundheit.md', markdown('', 'Neue Fassung: Wartung am ersten Dienstag.')),
    );
  });

  it("never replaces another unit's upload of the same name", async () => {
    table.record(
      'admin Frank uploads drucker.md (control)',
      201,
      await upload(frank, 'drucker.md', markdown('owner: Amt für IT und Digitalisierung\n')),
    );
    table.record("Helga uploads drucker.md over IT's upload", 403, await upload(helga, 'drucker.md', markdown('')));
  });

  it("refuses 'ersetzt' for foreign documents in the console form", async () => {
    await upload(helga, 'gesundheit-2.md', markdown('owner: Gesundheitsamt\n', 'Hygieneplan der Kantine.'));
    const status = (
      await helga.request('POST', '/konsole/quellen/gueltigkeit', {
        body: new URLSearchParams({
          _csrf: helga.cookie('lotse_csrf') ?? '',
          document: 'uploads/gesundheit-2.md',
          supersedes: 'faq/faq-digitales-arbeiten.md',
        }).toString(),
        type: 'application/x-www-form-urlencoded',
      })
    ).status;
    table.record("own document 'ersetzt' faq/faq-digitales-arbeiten.md (IT)", 403, status);
  });
});
