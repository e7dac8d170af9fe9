/**
 * A repair run in its own process, so a test can kill it with SIGKILL mid-run and start it again:
 * every user created in the fake org is assessed and repaired, journaled to REPAIR_JOURNAL.
 * Prints one JSON line with the outcome counts when it finishes. With REPAIR_WAIT_AFTER_ASSESS=1
 * it prints "assessed" once its plans are made and applies them only when a line arrives on
 * stdin (two such processes then plan before either writes). REPAIR_RULES=roles adds a division
 * move and a role grant to every rule.
 */
import { connectGenesys } from '../../../electron/genesys/connection';
import { createGenesysAdapter } from '../../../electron/genesys/adapter';
import { createRepairExecutor } from '../../../electron/genesys/provisioning/executor';
import { openJournal, readJournal } from '../../../electron/genesys/provisioning/journal';
import { STAMPEDE_POST_JIT, STAMPEDE_ROLES_POST_JIT } from './stampede-org';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const timeScale = Number(process.env.REPAIR_TIME_SCALE ?? '1');
const journalPath = required('REPAIR_JOURNAL');
const connection = await connectGenesys({
  apiBase: required('REPAIR_API_BASE'),
  clientId: required('REPAIR_CLIENT_ID'),
  clientSecret: required('REPAIR_CLIENT_SECRET'),
  timeoutMs: Number(process.env.REPAIR_TIMEOUT_MS ?? '2000'),
  scheduler: { timeScale, maxAttempts: 8 },
});
const history = readJournal(journalPath);
const journal = openJournal(journalPath);
const executor = createRepairExecutor({
  api: createGenesysAdapter(connection),
  postJit: process.env.REPAIR_RULES === 'roles' ? STAMPEDE_ROLES_POST_JIT : STAMPEDE_POST_JIT,
  journal,
  history,
  timeScale,
});
const ids = await executor.usersCreatedBetween(new Date(0), new Date(Date.now() + 86_400_000));
const assessments = await executor.assess(await executor.loadUsers(ids));
if (process.env.REPAIR_WAIT_AFTER_ASSESS === '1') {
  process.stdout.write('assessed\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  process.stdin.pause();
}
const outcomes = await executor.apply(assessments);
journal.close();
connection.close();
const counts: Record<string, number> = {};
for (const outcome of outcomes) counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
process.stdout.write(`${JSON.stringify(counts)}\n`);
process.exitCode = counts['not-repaired'] ? 1 : 0;
