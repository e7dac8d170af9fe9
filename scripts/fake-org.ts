/**
 * `npm run fake-org -- --agents N`: the fake Genesys Cloud org on 127.0.0.1, standalone, with N
 * agents just created by JIT and not yet provisioned (the 9 AM stampede), for CI and for trying
 * `jit-doctor repair --org` without a real org. It prints, on stdout, the environment a repair
 * needs (one KEY=value a line) and where its audit is: GET that URL for the org's duplicate phones
 * and the agents not yet repaired, read from the org itself. Ctrl-C (or SIGTERM) stops it.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Command, InvalidArgumentError } from 'commander';
import { startFakeOrg } from '../electron/genesys/fake-org/server';
import type { FakeOrgState } from '../electron/genesys/fake-org/state';
import {
  auditStampedeOrg,
  STAMPEDE_POST_JIT,
  stampedeSeed,
} from '../test/integration/provisioning/stampede-org';

const whole = (min: number, max: number) => (text: string) => {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
  return value;
};

const program = new Command('fake-org')
  .description('Run the fake Genesys Cloud org on 127.0.0.1 with N stuck agents')
  .option('--agents <n>', 'agents just created by JIT, none provisioned', whole(1, 50_000), 300)
  .option(
    '--rate-limit <n>',
    'requests per minute the org allows before answering 429; 0 for no limit',
    whole(0, 1_000_000),
    300,
  )
  .option('--config-out <file>', "write a configuration with the agents' postJit rules here")
  .option(
    '--time-scale <factor>',
    "real seconds per org second, above 0 and at most 1: 0.05 makes a new station's minute and the rate limit's minute last 3 s",
    fraction,
    1,
  )
  .showHelpAfterError();

function fraction(text: string): number {
  const value = Number(text);
  if (!/^\d*\.?\d+$/.test(text) || !(value > 0 && value <= 1))
    throw new InvalidArgumentError('expected a number above 0 and at most 1, such as 0.05');
  return value;
}

/** Phones beyond the first of each user, and who has them. */
function phoneAudit(state: FakeOrgState) {
  const phonesByUser = new Map<string, number>();
  for (const phone of state.phones.values())
    if (phone.webRtcUserId)
      phonesByUser.set(phone.webRtcUserId, (phonesByUser.get(phone.webRtcUserId) ?? 0) + 1);
  const usersWithDuplicatePhones = [...phonesByUser]
    .filter(([, count]) => count > 1)
    .map(([id, count]) => ({ email: state.users.get(id)?.email ?? id, phones: count }));
  const { notRepaired } = auditStampedeOrg(state, []);
  return {
    users: state.users.size,
    phones: [...phonesByUser.values()].reduce((sum, n) => sum + n, 0),
    duplicatePhones: usersWithDuplicatePhones.reduce((sum, u) => sum + u.phones - 1, 0),
    usersWithDuplicatePhones,
    notRepaired: notRepaired.length,
  };
}

async function main(): Promise<void> {
  program.parse();
  const options = program.opts<{
    agents: number;
    rateLimit: number;
    configOut?: string;
    timeScale: number;
  }>();
  const org = await startFakeOrg({
    seed: stampedeSeed(options.agents),
    rebaseTo: Date.now(),
    rateLimit: options.rateLimit === 0 ? false : { limit: options.rateLimit },
    timeScale: options.timeScale,
  });
  const audit = createServer((request, response) => {
    const ok = request.method === 'GET' && request.url === '/audit';
    response.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
    response.end(
      `${JSON.stringify(ok ? phoneAudit(org.state) : { error: 'GET /audit' }, null, 2)}\n`,
    );
  });
  await new Promise<void>((resolve) => audit.listen(0, '127.0.0.1', resolve));
  const auditUrl = `http://127.0.0.1:${(audit.address() as AddressInfo).port}/audit`;

  if (options.configOut) {
    writeFileSync(
      options.configOut,
      `${JSON.stringify({ postJit: STAMPEDE_POST_JIT }, null, 2)}\n`,
    );
  }
  process.stdout.write(
    [
      `GENESYSCLOUD_API_BASE=${org.url}`,
      `GENESYSCLOUD_OAUTHCLIENT_ID=${org.clientId}`,
      `GENESYSCLOUD_OAUTHCLIENT_SECRET=${org.clientSecret}`,
      `JIT_DOCTOR_FAKE_ORG_AUDIT=${auditUrl}`,
      '',
    ].join('\n'),
  );
  process.stderr.write(
    `fake org on ${org.url}: ${options.agents} agents created in the last 30 minutes, none provisioned; ` +
      `rate limit ${options.rateLimit === 0 ? 'off' : `${options.rateLimit}/min`}; ` +
      'as hard as Genesys Cloud (new stations after up to 60 s; docs/genesys-api.md); ' +
      (options.timeScale === 1
        ? ''
        : `time-scaled: an org minute lasts ${Number((60 * options.timeScale).toFixed(2))} s; `) +
      `audit at ${auditUrl}${options.configOut ? `; rules in ${options.configOut}` : ''}. Ctrl-C stops it.\n`,
  );

  const stop = () => {
    audit.close();
    void org.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`fake-org: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
