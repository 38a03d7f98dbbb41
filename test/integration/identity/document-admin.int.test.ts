/**
 * Documents in the console through the real server (issue #22): an admin edits title, owner, validity and
 * successors and deletes a document, the index follows at once and each change is an audit record with the
 * actor's pseudonym; owners of other units are refused; ODT and legacy DOC are refused at upload in German.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from '../../support/http-session.ts';
import { startRealAppOnCopy } from '../../support/real-app.ts';

const edited = 'dienstanweisungen/da-e-mail-und-messenger.md';
const doomed = 'dienstanweisungen/da-mobiles-arbeiten-2023.md';

describe('editing and deleting documents in the console', () => {
  let app: Awaited<ReturnType<typeof startRealAppOnCopy>>;
  beforeAll(async () => {
    app = await startRealAppOnCopy();
  }, 60_000);
  afterAll(async () => app?.close());

  const as = (person: string): Promise<HttpSession> => HttpSession.loggedIn(app.url, person);
  const post = (session: HttpSession, path: string, fields: [string, string][]) => session.postForm(path, fields);
  const adminRecords = async (action: string) =>
    (await app.lotse.audit.entries()).map((row) => row.entry).filter((entry) => entry.type === 'admin' && entry.adminAction === action);

  it('links each document to its page and saves title, owner, validity and successors into the index', async () => {
    const frank = await as('p-frank');
    const sources = await (await frank.request('GET', '/konsole/quellen', { accept: 'text/html' })).text();
    expect(sources).toContain(`href="/konsole/quellen/dokument?id=${encodeURIComponent(edited)}"`);
    const page = await frank.request('GET', `/konsole/quellen/dokument?id=${encodeURIComponent(edited)}`, { accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<label for="document-title">Titel</label>');
    const saved = await post(frank, '/konsole/quellen/dokument', [
      ['id', edited],
      ['title', 'Dienstanweisung E-Mail, Chat und Messenger'],
      ['owner', 'Haupt- und Personalamt'],
      ['valid_to', '2027-06-30'],
      ['supersedes', 'faq/faq-digitales-arbeiten.md'],
    ]);
    expect(saved.status).toBe(303);
    expect(app.lotse.knowledge.store.getDocument(edited)).toMatchObject({
      title: 'Dienstanweisung E-Mail, Chat und Messenger',
      owner: 'Haupt- und Personalamt',
      validTo: '2027-06-30',
      supersedes: ['faq/faq-digitales-arbeiten.md'],
    });
    expect(await adminRecords('metadata_change')).toEqual([
      expect.objectContaining({ pseudonym: app.lotse.pseudonymOf('p-frank'), rules: [expect.objectContaining({ clause: 'DV KI § 10' })] }),
    ]);
    const empty = await post(frank, '/konsole/quellen/dokument', [
      ['id', edited],
      ['title', ' '],
    ]);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Bitte geben Sie einen Titel an');
  }, 60_000);

  it('refuses owners of other units', async () => {
    const helga = await as('p-helga');
    expect((await helga.request('GET', `/konsole/quellen/dokument?id=${encodeURIComponent(edited)}`, { accept: 'text/html' })).status).toBe(
      403,
    );
    expect(
      (
        await post(helga, '/konsole/quellen/dokument', [
          ['id', edited],
          ['title', 'Fremd'],
        ])
      ).status,
    ).toBe(403);
    expect(
      (
        await post(helga, '/konsole/quellen/loeschen', [
          ['id', doomed],
          ['confirm', 'yes'],
        ])
      ).status,
    ).toBe(403);
    expect(app.lotse.knowledge.store.getDocument(doomed)).toBeDefined();
  });

  it('deletes a document only when confirmed, from the folder and the index, audited', async () => {
    const frank = await as('p-frank');
    const unconfirmed = await post(frank, '/konsole/quellen/loeschen', [['id', doomed]]);
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain('Bitte bestätigen Sie das Löschen');
    expect(
      (
        await post(frank, '/konsole/quellen/loeschen', [
          ['id', doomed],
          ['confirm', 'yes'],
        ])
      ).status,
    ).toBe(303);
    expect(app.lotse.knowledge.store.getDocument(doomed)).toBeUndefined();
    expect(app.lotse.knowledge.store.chunksOf(doomed)).toEqual([]);
    expect(existsSync(join(app.folder, doomed))).toBe(false);
    expect(await adminRecords('document_delete')).toHaveLength(1);
    expect(await app.lotse.audit.verify()).toMatchObject({ kind: 'intact' });
  }, 60_000);

  it('refuses ODT and legacy DOC uploads with a German message', async () => {
    const frank = await as('p-frank');
    for (const name of ['protokoll.odt', 'altbestand.doc']) {
      const refused = await frank.request('POST', `/api/sources?name=${name}`, {
        body: 'PK\u0003\u0004',
        type: 'application/octet-stream',
        csrf: true,
      });
      expect(refused.status).toBe(415);
      expect(await refused.json()).toMatchObject({
        error: { message: expect.stringContaining('ODT- und alte DOC-Dateien werden nicht unterstützt') },
      });
    }
  });
});
