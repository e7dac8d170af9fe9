import { describe, expect, it } from 'vitest';
import { drawSnapshotProgress } from '../../../electron/cli/commands/snapshot';
import { progressLine } from '../../../electron/cli/progress';
import { ManualClock } from '../../../electron/genesys/clock';

describe('the progress line', () => {
  it('redraws one line with the phase and the count, and erases it at the end', async () => {
    const written: string[] = [];
    const clock = new ManualClock();
    const line = progressLine({ write: (text: string) => written.push(text) }, 'snapshot', clock);
    const draw = drawSnapshotProgress(line);
    await clock.advance(1000);
    draw({ phase: 'users', done: 1, total: 4 });
    await clock.advance(50);
    draw({ phase: 'users', done: 2, total: 4 }); // within 100 ms: not redrawn
    await clock.advance(950);
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
