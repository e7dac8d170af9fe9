/**
 * Regenerates resources/demo/org.json, the seed of the embedded demo org, from the deterministic
 * generator in electron/genesys/fake-org/demo-seed.ts:  npx tsx resources/demo/generate.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildDemoOrgSeed } from '../../electron/genesys/fake-org/demo-seed';

const target = fileURLToPath(new URL('./org.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(buildDemoOrgSeed(), null, 2)}\n`);
process.stderr.write(`wrote ${target}\n`);
