/**
 * A JSON document written piece by piece: the text of `JSON.stringify(value, null, 2)`, without
 * ever holding it as one string. A report of 33,000 messages is more than the half gigabyte a
 * JavaScript string may hold, so `--format json` streams it instead of failing with
 * "Invalid string length".
 */

/**
 * The pieces of `JSON.stringify(value, null, 2)`, in order: objects and arrays are opened down to
 * `depth` levels, and what lies deeper is stringified whole (one message's report, one XML string).
 */
export function* jsonChunks(value: unknown, depth = 3): Generator<string> {
  yield* pieces(value, '', depth);
}

/** A JSON document ending in a newline, as pieces; each iteration writes it again from the start. */
export function jsonDocument(value: unknown): Iterable<string> {
  return {
    *[Symbol.iterator]() {
      yield* jsonChunks(value);
      yield '\n';
    },
  };
}

/** Values JSON leaves out of an object (and writes as null in an array). */
const omitted = (value: unknown): boolean =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

function* pieces(value: unknown, indent: string, depth: number): Generator<string> {
  if (
    depth === 0 ||
    value === null ||
    typeof value !== 'object' ||
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    // JSON strings never hold a raw newline, so every newline is a line break to indent.
    const text = JSON.stringify(value, null, 2) as string | undefined;
    yield text === undefined ? 'null' : text.replace(/\n/g, `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    for (const [i, item] of value.entries()) {
      yield `${i === 0 ? '[' : ','}\n${inner}`;
      yield* pieces(item, inner, depth - 1);
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (omitted(item)) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    yield* pieces(item, inner, depth - 1);
    first = false;
  }
  yield first ? '{}' : `\n${indent}}`;
}

/** Pieces joined into blocks of about `size` characters, so a writer makes few calls. */
export function* inBlocks(chunks: Iterable<string>, size = 1 << 20): Generator<string> {
  let block: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    block.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield block.join('');
      block = [];
      length = 0;
    }
  }
  if (length > 0) yield block.join('');
}
