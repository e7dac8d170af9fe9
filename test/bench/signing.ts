/** The benchmarks' IdP: the demo IdP's signer (as Entra ID signs by default) with the test IdP key. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signAssertion as signWith } from '../../electron/genesys/fake-org/demo-idp';

const KEYS = join(import.meta.dirname, '../fixtures/keys');
/** The test IdP certificate every benchmark configuration trusts. */
export const CERT = readFileSync(join(KEYS, 'idp.crt'), 'latin1');
const KEY = readFileSync(join(KEYS, 'idp.key'));

export const signAssertion = (xml: string): string =>
  signWith(xml, { privateKey: KEY, certificate: CERT });
