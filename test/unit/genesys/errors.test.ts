import { describe, expect, it } from 'vitest';
import { GenesysApiError, toGenesysApiError } from '../../../electron/genesys/errors';
import { parseApiBase, resolveRegion } from '../../../electron/genesys/region';

const extended = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  statusText: '',
  headers,
  body,
  error: new Error('x'),
});

describe('toGenesysApiError', () => {
  it('reads status, code, message and contextId from a Genesys error body', () => {
    const error = toGenesysApiError(
      'users.create',
      extended(409, {
        message: 'A user with the email address x already exists.',
        code: 'general.conflict',
        status: 409,
        contextId: 'ctx-1',
      }),
    );
    expect(error).toMatchObject({
      kind: 'http',
      status: 409,
      code: 'general.conflict',
      contextId: 'ctx-1',
    });
    expect(error.message).toBe(
      'Genesys Cloud users.create: conflict with the current state (409 general.conflict): A user with the email address x already exists.',
    );
    expect(error.certainlyNotApplied).toBe(true);
  });

  it('names the permission a 403 needs', () => {
    const error = toGenesysApiError(
      'routing.userSkills.bulkPatch',
      extended(403, { code: 'missing.permissions', message: 'Missing permission' }),
    );
    expect(error.message).toMatch(/needs the permission routing:skill:assign/);
  });

  it('points a 401 from the token endpoint at the credential variables', () => {
    const error = toGenesysApiError('oauth.token', {
      response: {
        status: 401,
        data: { error: 'invalid_client', description: 'client not found' },
        headers: {},
      },
    });
    expect(error.code).toBe('invalid_client');
    // The adapter names no environment variable: the CLI and the app say where each is set.
    expect(error.message).toMatch(/Check the OAuth client's ID, secret and region/);
    expect(error.message).not.toMatch(/GENESYSCLOUD_/);
  });

  it('keeps the rate-limit headers, lower-cased', () => {
    const error = toGenesysApiError(
      'users.get',
      extended(429, { code: 'too.many.requests.retry.after' }, { 'Retry-After': '7' }),
    );
    expect(error.headers['retry-after']).toBe('7');
  });

  it('tells network failures apart: timeouts and resets may have been applied, refusals not', () => {
    const timeout = toGenesysApiError('users.create', {
      code: 'ECONNABORTED',
      message: 'timeout of 16000ms exceeded',
    });
    const reset = toGenesysApiError('users.create', {
      code: 'ECONNRESET',
      message: 'socket hang up',
    });
    const refused = toGenesysApiError('users.create', {
      code: 'ECONNREFUSED',
      message: 'connect ECONNREFUSED',
    });
    expect([timeout.kind, reset.kind, refused.kind]).toEqual([
      'timeout',
      'connection-reset',
      'unreachable',
    ]);
    expect([
      timeout.certainlyNotApplied,
      reset.certainlyNotApplied,
      refused.certainlyNotApplied,
    ]).toEqual([false, false, true]);
    expect(refused.message).toMatch(/check the region, the network or the API base/);
  });

  it('treats 500/502/504 as possibly applied and a 503 as refused', () => {
    for (const status of [500, 502, 504])
      expect(toGenesysApiError('x', extended(status, {})).certainlyNotApplied).toBe(false);
    expect(toGenesysApiError('x', extended(503, {})).certainlyNotApplied).toBe(true);
  });

  it('turns the SDK refusing a call (a thrown string) into an invalid request', () => {
    const error = toGenesysApiError(
      'users.get',
      'Missing the required parameter "userId" when calling getUser',
    );
    expect(error).toBeInstanceOf(GenesysApiError);
    expect(error.kind).toBe('invalid-request');
    expect(error.message).toMatch(/Missing the required parameter "userId"/);
  });
});

describe('regions', () => {
  it('accepts domains, SDK region keys (with dashes too) and login/api URLs', () => {
    expect(resolveRegion('mypurecloud.ie')).toBe('mypurecloud.ie');
    expect(resolveRegion('eu_west_2')).toBe('euw2.pure.cloud');
    expect(resolveRegion('us-east-1')).toBe('mypurecloud.com');
    expect(resolveRegion('https://login.mypurecloud.de/')).toBe('mypurecloud.de');
  });

  it('refuses anything else, listing what is accepted', () => {
    expect(() => resolveRegion('example.com')).toThrow(
      /unknown Genesys Cloud region "example.com".*us_east_1/,
    );
    // Only the SDK's own hosts: a look-alike under a Genesys-sounding name is not one.
    for (const host of [
      'x.mypurecloud.attacker.example',
      'evil.pure.cloud',
      'mypurecloud.com.evil',
    ])
      expect(() => resolveRegion(host), host).toThrow(/unknown Genesys Cloud region/);
  });

  it('parses --api-base into the SDK gateway settings', () => {
    expect(parseApiBase('http://127.0.0.1:8123')).toEqual({
      protocol: 'http',
      host: '127.0.0.1',
      port: 8123,
    });
    expect(() => parseApiBase('http://127.0.0.1:8123/api/v2')).toThrow(/bare origin/);
  });
});
