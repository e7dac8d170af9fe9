import { constants } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { inBlocks, jsonChunks } from '../../../electron/cli/json-stream';

const joined = (value: unknown, depth?: number) => [...jsonChunks(value, depth)].join('');

describe('jsonChunks writes JSON.stringify(value, null, 2) piece by piece', () => {
  it.each([0, 1, 2, 3, 8])('is the same text at depth %d', (depth) => {
    const value = {
      schemaVersion: 1,
      empty: {},
      none: [],
      skipped: undefined,
      fn: () => 1,
      when: new Date('2026-11-23T09:00:00Z'),
      messages: [
        { index: 0, xml: '<a>\n"x"\\</a>', values: [1, null, undefined, 'é'], nested: { a: [{}] } },
        [[], [[]], { 'key "quoted"\n': true }],
        'text',
        null,
      ],
    };
    expect(joined(value, depth)).toBe(JSON.stringify(value, null, 2));
  });

  it('is the same text for scalars', () => {
    for (const value of [null, 0, -1.5, 'a\nb', true])
      expect(joined(value)).toBe(JSON.stringify(value, null, 2));
  });

  it(
    'writes a report far larger than a string may hold, in blocks, without failing',
    { timeout: 60_000 },
    () => {
      // One message report of about 1 MiB, shared 600 times: cheap to hold, but its text is about
      // 600 MiB, past V8's string limit, where one JSON.stringify throws "Invalid string length".
      const message = { index: 0, xml: 'x'.repeat(1024 * 1024), findings: [{ code: 'A' }] };
      const reportOf = (n: number) => ({
        schemaVersion: 1,
        messages: Array(n).fill(message),
        findings: [],
      });
      const big = reportOf(600);
      // The text grows by the same length for each message: predict the whole from one and two.
      const one = JSON.stringify(reportOf(1), null, 2).length;
      const two = JSON.stringify(reportOf(2), null, 2).length;
      const expected = one + 599 * (two - one);
      // More than a string may hold: one JSON.stringify of it throws "Invalid string length".
      expect(expected).toBeGreaterThan(constants.MAX_STRING_LENGTH);

      let length = 0;
      let blocks = 0;
      let head = '';
      let tail = '';
      for (const block of inBlocks(jsonChunks(big))) {
        expect(block.length).toBeLessThan(4 * 1024 * 1024);
        if (blocks === 0) head = block.slice(0, 200);
        tail = (tail + block).slice(-200);
        length += block.length;
        blocks += 1;
      }
      expect(length).toBe(expected);
      expect(blocks).toBeGreaterThan(500);
      expect(head).toBe(JSON.stringify(reportOf(1), null, 2).slice(0, 200));
      expect(tail).toBe(JSON.stringify(reportOf(1), null, 2).slice(-200));
    },
  );
});
