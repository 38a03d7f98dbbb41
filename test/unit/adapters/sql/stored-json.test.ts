import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { refusedRowReporter, storedJson, StoredJsonError, versionKey } from '../../../../bot/adapters/sql/stored-json.ts';
import type { Logger } from '../../../../bot/shared/logger.ts';

const note = storedJson(z.looseObject({ id: z.string(), state: z.enum(['open', 'closed']), version: z.number().optional() }), 2);
const scoreSchema = z.union([z.number(), z.array(z.number()), z.string()]);
const score = storedJson(scoreSchema, 1, { wrapped: true });
const score2 = storedJson(scoreSchema, 2, { wrapped: true });

describe('storedJson', () => {
  it('writes the version first and reads its own documents back', () => {
    const text = note.encode({ id: 'n-1', state: 'open', version: 7 });
    expect(text).toBe('{"$v":2,"id":"n-1","state":"open","version":7}');
    expect(note.decode(text)).toEqual({ ok: true, value: { id: 'n-1', state: 'open', version: 7 }, version: 2 });
  });

  it('never lets a field of the value overwrite the version', () => {
    expect(JSON.parse(note.encode({ id: 'n-1', state: 'open', [versionKey]: 9 } as never))).toMatchObject({ [versionKey]: 2 });
  });

  it('reads documents written before versions as version 1, and older versions', () => {
    expect(note.decode('{"id":"n-1","state":"closed"}')).toEqual({ ok: true, value: { id: 'n-1', state: 'closed' }, version: 1 });
    expect(note.decode('{"$v":1,"id":"n-1","state":"closed"}')).toEqual({ ok: true, value: { id: 'n-1', state: 'closed' }, version: 1 });
  });

  it('keeps fields it does not know (a newer lotse within the same version), so a rewrite does not lose them', () => {
    const decoded = note.decode('{"$v":2,"id":"n-1","state":"open","extra":{"a":1}}');
    expect(decoded).toMatchObject({ ok: true, value: { extra: { a: 1 } } });
  });

  it('refuses a version newer than it knows, saying so', () => {
    const decoded = note.decode('{"$v":3,"id":"n-1","state":"open"}');
    expect(decoded).toEqual({
      ok: false,
      newer: true,
      reason: 'written by a newer lotse (document version 3, this lotse reads up to version 2)',
    });
  });

  it('refuses text that is not JSON, a broken version field and documents the schema rejects, without their values', () => {
    expect(note.decode('{"id":')).toEqual({ ok: false, newer: false, reason: 'not JSON' });
    for (const stamp of ['"2"', '0', '1.5', 'null'])
      expect(note.decode(`{"$v":${stamp},"id":"n-1","state":"open"}`)).toMatchObject({
        ok: false,
        newer: false,
        reason: 'invalid version field $v',
      });
    const invalid = note.decode('{"id":"secret-text","state":"lost"}');
    expect(invalid).toMatchObject({ ok: false, newer: false });
    if (invalid.ok) throw new Error('accepted');
    expect(invalid.reason).toMatch(/^invalid document \(state: /);
    expect(invalid.reason).not.toContain('lost');
    expect(note.decode('[1,2]')).toMatchObject({ ok: false, newer: false });
    expect(note.decode('null')).toMatchObject({ ok: false, newer: false });
  });

  it('writes documents that are not objects bare at version 1 and in an envelope later, and reads both', () => {
    expect(score.encode(4)).toBe('4');
    expect(score.encode([0, 2])).toBe('[0,2]');
    expect(score.decode(score.encode('frei'))).toEqual({ ok: true, value: 'frei', version: 1 });
    expect(score.decode('[1,3]')).toEqual({ ok: true, value: [1, 3], version: 1 });
    expect(score2.encode(4)).toBe('{"$v":2,"value":4}');
    expect(score2.decode('3')).toEqual({ ok: true, value: 3, version: 1 });
    expect(score2.decode(score2.encode([1]))).toEqual({ ok: true, value: [1], version: 2 });
    expect(score.decode(score2.encode(3))).toEqual({
      ok: false,
      newer: true,
      reason: 'written by a newer lotse (document version 2, this lotse reads up to version 1)',
    });
    expect(score.decode('{"$v":1,"value":3}')).toEqual({ ok: true, value: 3, version: 1 });
    expect(score.decode('{"value":3}')).toMatchObject({ ok: false, newer: false });
  });

  it('refuses to be built with a version that is not a positive integer, and to store a bare value unwrapped', () => {
    expect(() => storedJson(z.string(), 0)).toThrow(/positive integer/);
    expect(() => storedJson(z.number(), 1).encode(3)).toThrow(/wrapped/);
  });

  it('names what could not be read in its error', () => {
    const error = new StoredJsonError('ticket t-1', 'not JSON');
    expect(error.message).toBe('stored ticket t-1 cannot be read: not JSON');
    expect(error).toBeInstanceOf(Error);
  });
});

describe('refusedRowReporter', () => {
  it('logs each row and reason once', () => {
    const warnings: unknown[] = [];
    const logger: Logger = {
      debug: () => undefined,
      info: () => undefined,
      error: () => undefined,
      warn: (event, data) => warnings.push({ event, ...data }),
    };
    const report = refusedRowReporter('tickets', logger);
    report('t-1', 'not JSON');
    report('t-1', 'not JSON');
    report('t-2', 'not JSON');
    report('t-1', 'written by a newer lotse');
    expect(warnings).toEqual([
      { event: 'stored-json-refused', store: 'tickets', key: 't-1', reason: 'not JSON' },
      { event: 'stored-json-refused', store: 'tickets', key: 't-2', reason: 'not JSON' },
      { event: 'stored-json-refused', store: 'tickets', key: 't-1', reason: 'written by a newer lotse' },
    ]);
    expect(() => refusedRowReporter('tickets', undefined)('t-1', 'x')).not.toThrow();
  });
});
