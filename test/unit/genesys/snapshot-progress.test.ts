import { describe, expect, it } from 'vitest';
import { progressBar } from '../../../electron/cli/commands/snapshot';

describe('the snapshot progress bar', () => {
  it('redraws one line with the phase and the count, and erases it at the end', () => {
    const written: string[] = [];
    const bar = progressBar({ write: (text: string) => written.push(text) });
    bar.update({ phase: 'users', done: 1, total: 4 });
    bar.update({ phase: 'utilization', done: 200, total: 200 });
    bar.clear();
    expect(written[0]).toBe('\r\x1b[2Ksnapshot [######..................] user pages 1/4');
    expect(written[1]).toContain('[########################] utilization of users 200/200');
    expect(written[2]).toBe('\r\x1b[2K');
  });
});
