/**
 * The renderer's one clock: the screens read the time here and hand it to the models, which take
 * it as an argument (repair-review's `nowMs`), so the models are pure and their tests set the time.
 * It is the wall time of the Node side's Clock (electron/genesys/clock.ts) alone: the renderer
 * paces and waits for nothing itself, the main process does. ESLint forbids `Date.now()`,
 * `new Date()` and `performance.now()` anywhere else.
 */
export const wallNow = (): number => Date.now();
