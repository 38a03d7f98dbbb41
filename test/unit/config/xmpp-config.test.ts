import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../bot/config/config.ts';
import { isLoopbackHost, parseXmppConfig } from '../../../bot/config/xmpp-config.ts';

const base = { XMPP_SERVICE: 'xmpp://jabber.musterland.example:5222', XMPP_USERNAME: 'lotse', XMPP_PASSWORD: 'geheim' };

describe('parseXmppConfig', () => {
  it('is off without XMPP_SERVICE and has defaults with it', () => {
    expect(parseXmppConfig({})).toBeUndefined();
    expect(loadConfig({}, {}, '/tmp').xmpp).toBeUndefined();
    expect(parseXmppConfig(base)).toEqual({
      service: 'xmpp://jabber.musterland.example:5222',
      domain: 'jabber.musterland.example',
      username: 'lotse',
      password: 'geheim',
      resource: 'lotse',
      allowPlain: false,
      ratePerMinute: 20,
      rateBurst: 5,
      maxMessageChars: 2000,
      reconnectMaxMs: 2000,
      leaseTtlMs: 30_000,
      leaseRenewMs: 10_000,
    });
    expect(loadConfig({ ...base, XMPP_DOMAIN: 'musterland.example' }, {}, '/tmp').xmpp?.domain).toBe('musterland.example');
  });

  it('allows unencrypted connections only for loopback addresses', () => {
    expect(() => parseXmppConfig({ ...base, XMPP_ALLOW_PLAIN: 'true' })).toThrow(/only allowed for a loopback/);
    expect(parseXmppConfig({ ...base, XMPP_SERVICE: 'xmpp://127.0.0.1:15222', XMPP_ALLOW_PLAIN: 'true' })?.allowPlain).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('127.1.2.3')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });

  it('names the variable of an invalid value', () => {
    expect(() => loadConfig({ ...base, XMPP_PASSWORD: '' }, {}, '/tmp')).toThrow(/XMPP_PASSWORD/);
    expect(() => parseXmppConfig({ ...base, XMPP_SERVICE: 'http://x' })).toThrow(/XMPP_SERVICE/);
    expect(() => parseXmppConfig({ ...base, XMPP_RATE_BURST: 'viele' })).toThrow(/XMPP_RATE_BURST/);
    expect(() => parseXmppConfig({ ...base, XMPP_LEASE_TTL_MS: '4000', XMPP_LEASE_RENEW_MS: '3000' })).toThrow(/XMPP_LEASE_RENEW_MS/);
    expect(parseXmppConfig({ ...base, XMPP_LEASE_TTL_MS: '3000' })).toMatchObject({ leaseTtlMs: 3000, leaseRenewMs: 1000 });
  });
});
