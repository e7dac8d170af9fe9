/**
 * A login Genesys Cloud refuses before JIT runs (unsigned, untrusted, expired, wrong audience...):
 * the JIT outcome says it is refused, by which findings, and what JIT would do once they are fixed,
 * instead of "will create".
 */
import { describe, expect, it } from 'vitest';
import { finding } from '../../../shared/findings/finding';
import { describeJit } from '../../../shared/mapping/jit-words';
import { loginRefusals } from '../../../shared/mapping/jit';
import type { Finding, MessageReport } from '../../../shared/report';
import { directory, sample } from './helpers';

const error = (code: Parameters<typeof finding>[0]): Finding =>
  finding(code, { severity: 'error', message: code, fix: 'fix it' });
const responseOf = (report: { messages: MessageReport[] }) =>
  report.messages.find((m) => m.type === 'Response')!;
const jitFinding = (message: MessageReport, code: string) =>
  message.findings.find((f) => f.code === code);

describe('what refuses a login before JIT runs', () => {
  it('is every error of the signature, protocol, time, audience and Genesys attribute stages, once each', () => {
    expect(
      loginRefusals([
        error('SIGNATURE_MISSING'),
        error('TIME_EXPIRED'),
        error('AUDIENCE_MISMATCH'),
        error('DESTINATION_MISMATCH'),
        error('ORGNAME_MISMATCH'),
        error('SIGNATURE_MISSING'),
      ]),
    ).toEqual([
      'SIGNATURE_MISSING',
      'TIME_EXPIRED',
      'AUDIENCE_MISMATCH',
      'DESTINATION_MISMATCH',
      'ORGNAME_MISMATCH',
    ]);
  });

  it('is not a warning, nor a claim, uniqueness or JIT failure (those fail the create itself)', () => {
    expect(
      loginRefusals([
        finding('SIGNATURE_WEAK_ALGORITHM', { message: 'sha1', fix: 'sha256' }),
        finding('ORGNAME_MISSING', { severity: 'warning', message: 'no org', fix: 'send it' }),
        error('CLAIM_MISSING'),
        error('UNIQUE_EMPLOYEE_ID'),
        error('JIT_LICENSE_CAP'),
      ]),
    ).toEqual([]);
  });
});

describe('the JIT outcome of a refused login', () => {
  it('an unsigned response: refused by SIGNATURE_MISSING, and what JIT would create once fixed', () => {
    const message = responseOf(
      sample('075-sig-unsigned-response', [], { directory: directory([]) }),
    );
    expect(message.jit).toMatchObject({
      action: 'create',
      loginRefusedBy: ['SIGNATURE_MISSING'],
      division: 'Home',
    });
    const create = jitFinding(message, 'JIT_WILL_CREATE')!;
    expect(create.message).toBe(
      'jane.doe@acme.example does not exist yet: JIT would create the user, but Genesys Cloud refuses this login first (SIGNATURE_MISSING): nobody is created until that is fixed.',
    );
    expect(create.evidence.loginRefusedBy).toEqual(['SIGNATURE_MISSING']);
    expect(create.fix).toMatch(/^Fix SIGNATURE_MISSING first: until then Genesys Cloud refuses/);
  });

  it('without a directory the create stays conditional, and still refused first', () => {
    const message = responseOf(sample('075-sig-unsigned-response'));
    expect(message.jit).toMatchObject({ action: 'unknown', loginRefusedBy: ['SIGNATURE_MISSING'] });
    expect(jitFinding(message, 'JIT_WILL_CREATE')!.message).toMatch(
      /^If jane\.doe@acme\.example is not a user yet, JIT would create the user, but Genesys Cloud refuses this login first \(SIGNATURE_MISSING\)/,
    );
  });

  it('an untrusted signature and a wrapped assertion are refused too', () => {
    expect(responseOf(sample('078-sig-untrusted-key-embedded-cert')).jit?.loginRefusedBy).toContain(
      'SIGNATURE_CERT_UNTRUSTED',
    );
    const wrapped = responseOf(sample('091-attack-xsw3'));
    if (wrapped.jit) expect(wrapped.jit.loginRefusedBy).toContain('SIGNATURE_WRAPPING');
  });

  it('an expired update-on-login: nothing changes until the time is fixed, the overwrite is still told', () => {
    const name = '044-dir-update-overwrites-manual-title';
    const inTime = responseOf(sample(name));
    expect(inTime.jit?.loginRefusedBy).toEqual([]);
    expect(jitFinding(inTime, 'JIT_WILL_UPDATE')!.message).toMatch(/^Update-on-login rewrites /);

    const late = responseOf(sample(name, [], { now: '2026-11-24T12:00:00Z' }));
    expect(late.jit).toMatchObject({ action: 'update', loginRefusedBy: ['TIME_EXPIRED'] });
    expect(jitFinding(late, 'JIT_WILL_UPDATE')!.message).toMatch(
      /^Update-on-login would rewrite 1 field of .*: title, but Genesys Cloud refuses this login first \(TIME_EXPIRED\): nothing changes until that is fixed\.$/,
    );
    expect(jitFinding(late, 'JIT_OVERWRITES_MANUAL_EDIT')).toBeDefined();
  });

  it('a signed response in time is not refused: JIT creates at this login', () => {
    const message = responseOf(
      sample('001-entra-assertion-signed-pysaml2', [], { directory: directory([]) }),
    );
    expect(message.jit).toMatchObject({ action: 'create', loginRefusedBy: [] });
    expect(jitFinding(message, 'JIT_WILL_CREATE')!.message).toMatch(
      /does not exist yet: JIT tries to create the user at this login\.$/,
    );
  });
});

describe('the JIT outcome in words, for the JIT card and the command line', () => {
  const subject = { subject: null };
  const created = {
    action: 'create' as const,
    changes: [
      { field: 'name', from: null, to: 'Jane Doe' },
      { field: 'email', from: null, to: 'jane.doe@acme.example' },
    ],
    rolesAdded: [],
    rolesRemoved: [],
    division: 'Home',
  };

  it('a refused login leads with the refusal, names its findings, and says what JIT does once fixed', () => {
    const words = describeJit(
      { ...created, loginRefusedBy: ['SIGNATURE_MISSING', 'TIME_EXPIRED'] },
      subject,
    );
    expect(words).toEqual({
      headline: 'Genesys Cloud refuses this login before JIT runs: nothing is created or changed',
      tone: 'bad',
      refusedBy: ['No signature (SIGNATURE_MISSING)', 'Expired (TIME_EXPIRED)'],
      onceFixed: 'Will create Jane Doe in division Home',
      details: ['name: Jane Doe', 'email: jane.doe@acme.example'],
    });
  });

  it('a login that is not refused (or a report of an earlier build, without the field) reads as before', () => {
    for (const jit of [{ ...created, loginRefusedBy: [] }, created]) {
      expect(describeJit(jit, subject)).toMatchObject({
        headline: 'Will create Jane Doe in division Home',
        tone: 'good',
        refusedBy: [],
        onceFixed: null,
      });
    }
  });

  it('JIT on without a directory: what it creates if the user is new', () => {
    expect(describeJit({ ...created, action: 'unknown' }, subject).headline).toBe(
      'Will create Jane Doe in division Home if not a user yet (no directory to tell)',
    );
    expect(
      describeJit({ ...created, action: 'unknown', changes: [], division: null }, subject).headline,
    ).toBe('Cannot tell what JIT will do for the user');
  });
});
