import { describe, expect, it } from 'vitest';
import { drawSnapshotProgress } from '../../../electron/cli/commands/snapshot';
import { progressLine } from '../../../electron/cli/progress';

describe('the progress line', () => {
  it('redraws one line with the phase and the count, and erases it at the end', () => {
    const written: string[] = [];
    let now = 0;
    const line = progressLine(
      { write: (text: string) => written.push(text) },
      'snapshot',
      () => now,
    );
    const draw = drawSnapshotProgress(line);
    now = 1000;
    draw({ phase: 'users', done: 1, total: 4 });
    now = 1050;
    draw({ phase: 'users', done: 2, total: 4 }); // within 100 ms: not redrawn
    now = 2000;
    draw({ phase: 'utilization', done: 200, total: 200 });
    line.clear();
    expect(written[0]).toBe('\r\x1b[2Ksnapshot [######..................] user pages 1/4 ETA 3s');
    expect(written[1]).toBe(
      '\r\x1b[2Ksnapshot [########################] utilization of users 200/200',
    );
    expect(written[2]).toBe('\r\x1b[2K');
    expect(written).toHaveLength(3);
  });
});
