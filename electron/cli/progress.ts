/**
 * The command line's one progress renderer: a single line on stderr redrawn in place
 * (`label [#####.......] detail ETA 1m 05s`), throttled to ten redraws a second, erased by `clear`.
 * Every command with a long run (snapshot, repair) draws through it, and only on a terminal.
 */
import { formatDuration } from '../../shared/provisioning/format';
import { systemClock, type Clock } from '../genesys/clock';

export interface ProgressLine {
  /** `done` of `total` units; `detail` says what is counted ("12/40 steps, 3/10 users"). */
  update(done: number, total: number, detail: string): void;
  clear(): void;
}

const WIDTH = 24;
const MIN_REDRAW_MS = 100;

export function progressLine(
  stream: { write(text: string): unknown },
  label: string,
  clock: Clock = systemClock,
): ProgressLine {
  const started = clock.now();
  let last = -Infinity;
  return {
    update(done, total, detail) {
      const now = clock.now();
      const finished = done >= total;
      if (now - last < MIN_REDRAW_MS && !finished) return;
      last = now;
      const share = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(share * WIDTH);
      const eta =
        share > 0 && share < 1 && now > started
          ? ` ETA ${formatDuration(((now - started) / share) * (1 - share))}`
          : '';
      stream.write(
        `\r\x1b[2K${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${detail}${eta}`,
      );
    },
    clear() {
      stream.write('\r\x1b[2K');
    },
  };
}

/** A progress line where stderr is a terminal; nothing elsewhere (pipes, CI logs). */
export function terminalProgress(
  io: { progress: boolean; err(text: string): void },
  label: string,
): ProgressLine | undefined {
  return io.progress ? progressLine({ write: io.err }, label) : undefined;
}
