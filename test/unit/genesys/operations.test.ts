/**
 * The operation table against the SDK itself: every operation (and so every fake org route, which
 * is served from the table) is a method of the installed SDK whose source calls exactly the
 * table's HTTP method and path; and the 403 message names the table's permission.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GenesysApiError } from '../../../electron/genesys/errors';
import { FAKE_ORG_ROUTES } from '../../../electron/genesys/fake-org/server';
import { OPERATIONS, type OperationName } from '../../../electron/genesys/operations';

const require = createRequire(import.meta.url);
const sdkRoot = dirname(require.resolve('purecloud-platform-client-v2/package.json'));

/** The HTTP method and path an SDK method sends, read from src/.../api/<Class>.js. */
function sdkCall(apiClass: string, method: string): { method: string; path: string } | undefined {
  const source = readFileSync(
    join(sdkRoot, 'src', 'purecloud-platform-client-v2', 'api', `${apiClass}.js`),
    'utf8',
  );
  const start = source.indexOf(`\n\t${method}(`);
  if (start < 0) return undefined;
  const call = /callApi\(\s*'([^']+)',\s*'([A-Z]+)'/.exec(source.slice(start, start + 4000));
  return call ? { path: call[1]!, method: call[2]! } : undefined;
}

describe('the operation table', () => {
  it.each(Object.keys(OPERATIONS) as OperationName[])(
    '%s is the SDK method it names, with its HTTP method and path',
    (name) => {
      const spec = OPERATIONS[name];
      expect(sdkCall(spec.sdk[0], spec.sdk[1])).toEqual({ method: spec.method, path: spec.path });
    },
  );

  it('serves every fake org route from the table, each operation once', () => {
    const names = FAKE_ORG_ROUTES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  it('names the permission of the refused operation in a 403 message', () => {
    const error = new GenesysApiError({
      operation: 'telephony.phones.create',
      kind: 'http',
      status: 403,
      code: 'missing.permissions',
    });
    expect(error.message).toContain(
      'needs the permission telephony:plugin:all (POST /api/v2/telephony/providers/edges/phones)',
    );
    const either = new GenesysApiError({
      operation: 'users.defaultStation.put',
      kind: 'http',
      status: 403,
    });
    expect(either.message).toContain('one of telephony:plugin:all, telephony:phone:assign');
  });
});
