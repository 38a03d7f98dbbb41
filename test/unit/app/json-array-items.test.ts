/**
 * Element-by-element reading of a JSON object's array members from UTF-8 bytes: the same values as
 * `JSON.parse` for tricky strings (escaped quotes and backslashes, brackets and `},{` inside strings, umlauts),
 * whitespace, empty arrays and skipped members; a `SyntaxError` for malformed or truncated text.
 */
import { describe, expect, it } from 'vitest';
import { arrayItems } from '../../../bot/app/json-array-items.ts';

const items = (text: string): { key: string; item: unknown }[] => [...arrayItems(Buffer.from(text))];

describe('arrayItems', () => {
  it('yields what JSON.parse gives, element by element, in document order', () => {
    const document = {
      documents: [
        { id: 'a "quoted" \\ back\\slash\\', meta: '{"x":[{"y":1},{"z":"]}"}]}', n: -1.5e3 },
        'Größe: }, { und ] [ – übermäßig',
        null,
        true,
        7,
      ],
      version: 'skipped',
      nested: { chunks: [1] },
      chunks: [[1, [2, { three: '\\"' }]], { body: JSON.stringify({ text: 'Zeile\nzwei "Zitat" \\ Ende' }) }],
      empty: [],
    };
    for (const text of [JSON.stringify(document), JSON.stringify(document, null, 2)]) {
      const read = items(text);
      expect(read.filter((entry) => entry.key === 'documents').map((entry) => entry.item)).toEqual(document.documents);
      expect(read.filter((entry) => entry.key === 'chunks').map((entry) => entry.item)).toEqual(document.chunks);
      expect(read.map((entry) => entry.key)).toEqual(['documents', 'documents', 'documents', 'documents', 'documents', 'chunks', 'chunks']);
    }
    expect(items(' {} ')).toEqual([]);
  });

  it('throws a SyntaxError for text that is not such an object', () => {
    for (const text of [
      '',
      '[]',
      '{"a":[1,2',
      '{"a":["x]}',
      '{"a":[1 2]}',
      '{"a":[1],}x',
      '{"a":[{"b":1]}',
      '{"a":[1]} trailing',
      '{"a":[tru]}',
      '{"a":[1,]}',
      '{"a":[1]',
    ]) {
      expect(() => items(text), text).toThrow(SyntaxError);
    }
  });
});
