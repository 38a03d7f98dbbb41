/**
 * Jabber against a real Prosody that requires STARTTLS with a certificate of a private CA (issue #19,
 * item 3): without the CA, start-up stops with a message naming XMPP_CA_FILE and NODE_EXTRA_CA_CERTS
 * (as for a wrong password) instead of retrying forever; with `XMPP_CA_FILE` the bot logs in and answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XmppLoginError } from '../../../bot/adapters/channels/xmpp/xmpp-connection.ts';
import { startXmppChannel } from '../../../bot/adapters/channels/xmpp/start-xmpp-channel.ts';
import { channelHostOf } from '../../../bot/app/channels.ts';
import { parseXmppConfig } from '../../../bot/config/xmpp-config.ts';
import { silentLogger } from '../../../bot/shared/logger.ts';
import { runCli } from '../../support/cli-harness.ts';
import { prosodyAvailable, startProsody, type ProsodyServer } from '../../support/prosody.ts';
import { repoRoot, startRealApp, type RunningApp } from '../../support/real-app.ts';
import { createSelfSigned, createTestCa, type TestCa } from '../../support/test-ca.ts';
import { botAccount, userPassword } from '../../support/xmpp-app.ts';
import { connectTestClient } from '../../support/xmpp-test-client.ts';

const domain = 'musterland.example';

describe.skipIf(!prosodyAvailable)('Jabber with a private CA (real Prosody, STARTTLS required)', () => {
  let ca: TestCa;
  let prosody: ProsodyServer;
  let app: RunningApp;
  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    XMPP_SERVICE: prosody.service,
    XMPP_DOMAIN: domain,
    XMPP_USERNAME: botAccount.username,
    XMPP_PASSWORD: botAccount.password,
    ...extra,
  });

  beforeAll(async () => {
    ca = await createTestCa(domain);
    prosody = await startProsody({
      domain,
      accounts: [botAccount, { username: 'sabine', password: userPassword }],
      tls: { certificate: ca.certificate, key: ca.key },
    });
    app = await startRealApp();
  });
  afterAll(async () => {
    await app?.close();
    await prosody?.close();
    ca?.close();
  });

  it('stops start-up with a message naming XMPP_CA_FILE and NODE_EXTRA_CA_CERTS when the CA is not trusted', async () => {
    const started = startXmppChannel(channelHostOf(app.lotse, silentLogger), parseXmppConfig(env())!);
    await expect(started).rejects.toThrow(XmppLoginError);
    await expect(started).rejects.toThrow(/not signed by a trusted CA.*XMPP_CA_FILE.*NODE_EXTRA_CA_CERTS/);
    await expect(started).rejects.toThrow(/vertrauenswürdigen Zertifizierungsstelle/);

    const dataDir = mkdtempSync(join(tmpdir(), 'lotse-xmpp-tls-serve-'));
    try {
      const serve = await runCli(['serve', '--data', dataDir, '--no-ingest'], {
        env: { ...env(), LOG_LEVEL: 'error', PORT: '0', AUTH_MODE: 'dev' },
        cwd: repoRoot,
      });
      expect(serve.code).toBe(1);
      expect(serve.stderr).toMatch(
        /Refusing to start: XmppLoginError: XMPP server xmpp:\/\/127\.0\.0\.1:\d+ presented a certificate .*XMPP_CA_FILE/,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('logs in over STARTTLS with XMPP_CA_FILE and answers', async () => {
    const running = await startXmppChannel(channelHostOf(app.lotse, silentLogger), parseXmppConfig(env({ XMPP_CA_FILE: ca.caFile }))!);
    try {
      expect(running.state).toBe('online');
      // The test client runs in the same process: the CA trusted for this domain applies to it as well.
      const sabine = await connectTestClient({ service: prosody.service, domain, username: 'sabine', password: userPassword });
      try {
        const [reply] = await sabine.ask(`${botAccount.username}@${domain}`, 'hilfe');
        expect(reply!.body).toContain('So nutzen Sie lotse');
      } finally {
        await sabine.stop();
      }
    } finally {
      await running.stop();
    }
  });

  it('refuses an XMPP_CA_FILE that cannot be read or holds no certificate', () => {
    expect(() => parseXmppConfig(env({ XMPP_CA_FILE: join(tmpdir(), 'fehlt.pem') }))).toThrow(/XMPP_CA_FILE .*cannot be read/);
    expect(() => parseXmppConfig(env({ XMPP_CA_FILE: ca.key }))).toThrow(/holds no PEM certificate/);
  });

  it('stops start-up for a self-signed server certificate too, and trusts it given as XMPP_CA_FILE', async () => {
    const selfDomain = 'selbst.example';
    const selfSigned = await createSelfSigned(selfDomain);
    const server = await startProsody({
      domain: selfDomain,
      accounts: [botAccount],
      tls: { certificate: selfSigned.certificate, key: selfSigned.key },
    });
    try {
      const settings = {
        XMPP_SERVICE: server.service,
        XMPP_DOMAIN: selfDomain,
        XMPP_USERNAME: botAccount.username,
        XMPP_PASSWORD: botAccount.password,
      };
      const refused = startXmppChannel(channelHostOf(app.lotse, silentLogger), parseXmppConfig(settings)!);
      await expect(refused).rejects.toThrow(/DEPTH_ZERO_SELF_SIGNED_CERT.*XMPP_CA_FILE.*NODE_EXTRA_CA_CERTS/);
      const running = await startXmppChannel(
        channelHostOf(app.lotse, silentLogger),
        parseXmppConfig({ ...settings, XMPP_CA_FILE: selfSigned.caFile })!,
      );
      expect(running.state).toBe('online');
      await running.stop();
    } finally {
      await server.close();
      selfSigned.close();
    }
  });
});
