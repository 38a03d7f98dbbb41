/**
 * Reads the array members of a JSON object element by element, straight from its UTF-8 bytes, so that a large
 * document (the knowledge rows of a published version, about 25 MB for 10,000 chunks) is decoded and parsed in
 * small steps instead of one `toString` and one `JSON.parse` that hold the event loop for 100 ms or more. Only
 * element boundaries are found here (strings are skipped with `indexOf`; in UTF-8 the bytes of `"` and `\` never
 * occur inside a multi-byte character); each element is parsed by `JSON.parse`, so values are exactly what
 * `JSON.parse` would give.
 */

const quote = 0x22;
const backslash = 0x5c;
const [openObject, closeObject, openArray, closeArray, comma, colon] = [0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a];
const isSpace = (byte: number | undefined): boolean => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

function skipSpace(bytes: Buffer, from: number): number {
  let at = from;
  while (isSpace(bytes[at])) at += 1;
  return at;
}

/** Index just after the string starting at `from` (a `"`). */
function endOfString(bytes: Buffer, from: number): number {
  let at = from + 1;
  for (;;) {
    const end = bytes.indexOf(quote, at);
    if (end < 0) throw new SyntaxError('unterminated string in JSON');
    let backslashes = 0;
    while (bytes[end - 1 - backslashes] === backslash) backslashes += 1;
    if (backslashes % 2 === 0) return end + 1;
    at = end + 1;
  }
}

/** Index just after the value starting at `from` (checked only for balance; `JSON.parse` checks the rest). */
function endOfValue(bytes: Buffer, from: number): number {
  const first = bytes[from];
  if (first === quote) return endOfString(bytes, from);
  if (first !== openObject && first !== openArray) {
    let at = from;
    while (at < bytes.length && bytes[at] !== comma && bytes[at] !== closeArray && bytes[at] !== closeObject && !isSpace(bytes[at]))
      at += 1;
    if (at === from) throw new SyntaxError(`unexpected ${first === undefined ? 'end' : String.fromCharCode(first)} in JSON at ${from}`);
    return at;
  }
  let depth = 0;
  for (let at = from; at < bytes.length;) {
    const byte = bytes[at];
    if (byte === quote) {
      at = endOfString(bytes, at);
      continue;
    }
    if (byte === openObject || byte === openArray) depth += 1;
    else if (byte === closeObject || byte === closeArray) depth -= 1;
    at += 1;
    if (depth === 0) return at;
  }
  throw new SyntaxError('unbalanced JSON value');
}

function expect(bytes: Buffer, at: number, byte: number): number {
  if (bytes[at] !== byte) throw new SyntaxError(`expected ${String.fromCharCode(byte)} in JSON at ${at}`);
  return at + 1;
}

const parse = (bytes: Buffer, from: number, to: number): unknown => JSON.parse(bytes.toString('utf8', from, to));

/**
 * Yields `{ key, item }` for every element of every array-valued member of the top-level object in `bytes`
 * (UTF-8 JSON; other members are skipped), in document order; throws a `SyntaxError` when it is not such an object.
 */
export function* arrayItems(bytes: Buffer): Generator<{ key: string; item: unknown }> {
  let at = skipSpace(bytes, expect(bytes, skipSpace(bytes, 0), openObject));
  if (bytes[at] === closeObject) return checkEnd(bytes, at);
  for (;;) {
    const keyEnd = endOfString(bytes, expect(bytes, at, quote) - 1);
    const key = String(parse(bytes, at, keyEnd));
    at = skipSpace(bytes, expect(bytes, skipSpace(bytes, keyEnd), colon));
    if (bytes[at] === openArray) {
      at = skipSpace(bytes, at + 1);
      if (bytes[at] !== closeArray) {
        for (;;) {
          const end = endOfValue(bytes, at);
          yield { key, item: parse(bytes, at, end) };
          at = skipSpace(bytes, end);
          if (bytes[at] === closeArray) break;
          at = skipSpace(bytes, expect(bytes, at, comma));
        }
      }
      at += 1;
    } else at = endOfValue(bytes, at);
    at = skipSpace(bytes, at);
    if (bytes[at] === closeObject) return checkEnd(bytes, at);
    at = skipSpace(bytes, expect(bytes, at, comma));
  }
}

function checkEnd(bytes: Buffer, closing: number): void {
  if (skipSpace(bytes, closing + 1) !== bytes.length) throw new SyntaxError('unexpected text after JSON');
}
