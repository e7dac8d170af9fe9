import { describe, expect, it } from 'vitest';
import type { MessageReport, ValidityPosition } from '../../../shared/report';
import { capturedInput, loginUrlFor } from '../../../renderer/src/model/capture';
import { splitByRanges } from '../../../renderer/src/model/ranges';
import { describeJit } from '../../../shared/mapping/jit-words';
import { buildTimeline } from '../../../renderer/src/model/timeline';

const message = (over: Partial<MessageReport>): MessageReport => ({
  index: 0,
  source: 'pasted',
  encoding: 'xml',
  type: 'Response',
  issuer: null,
  destination: null,
  inResponseTo: null,
  issueInstant: null,
  status: null,
  signature: { status: 'valid', signed: [] },
  subject: null,
  conditions: null,
  validity: null,
  attributes: [],
  mapping: [],
  jit: null,
  verdict: 'pass',
  verdictCategory: 'passes',
  findings: [],
  ...over,
});

describe('the validity timeline', () => {
  const at = (position: ValidityPosition) =>
    message({
      issueInstant: '2026-11-23T08:59:58Z',
      validity: {
        notBefore: '2026-11-23T08:55:00Z',
        notOnOrAfter: '2026-11-23T09:03:00Z',
        position,
      },
    });

  it('draws the window the engine judged, with now, the marks and the skew band on one axis', () => {
    const timeline = buildTimeline(at('inside'), '2026-11-23T09:00:00Z', 10)!;
    expect(timeline.marks.map((m) => [m.label, m.time])).toEqual([
      ['IssueInstant', '2026-11-23T08:59:58.000Z'],
      ['NotBefore', '2026-11-23T08:55:00.000Z'],
      ['NotOnOrAfter', '2026-11-23T09:03:00.000Z'],
    ]);
    expect(timeline.windowStart!).toBeLessThan(timeline.now.at);
    expect(timeline.now.at).toBeLessThan(timeline.windowEnd!);
    expect(timeline.skew).toBeGreaterThan(0);
    expect(timeline.axisStart < '2026-11-23T08:55:00Z').toBe(true);
    expect(timeline.axisEnd > '2026-11-23T09:03:00Z').toBe(true);
  });

  it("takes where now falls from the engine's answer, not from its own arithmetic", () => {
    for (const position of ['before', 'within-skew-before', 'within-skew-after', 'after'] as const)
      expect(buildTimeline(at(position), '2026-11-23T09:00:00Z', 10)!.state).toBe(position);
  });

  it('draws nothing when the engine found no readable bound', () => {
    expect(buildTimeline(message({}), '2026-11-23T09:00:00Z', 10)).toBeNull();
  });
});

describe('the JIT outcome in words', () => {
  it('says who is created where, and which roles are stripped', () => {
    const created = describeJit(
      {
        action: 'create',
        changes: [{ field: 'name', from: null, to: 'Jane Doe' }],
        rolesAdded: [],
        rolesRemoved: [],
        division: 'Home',
      },
      message({}),
    );
    expect(created.headline).toBe('Will create Jane Doe in division Home');
    const update = describeJit(
      {
        action: 'update',
        changes: [{ field: 'title', from: 'Lead', to: 'Agent' }],
        rolesAdded: [],
        rolesRemoved: ['Quality Evaluator'],
        division: null,
      },
      message({
        subject: {
          nameId: 'jane@acme.example',
          nameIdFormat: null,
          recipient: null,
          notOnOrAfter: null,
        },
      }),
    );
    expect(update.headline).toBe('Will update jane@acme.example');
    expect(update.tone).toBe('warn');
    expect(update.details).toEqual(['title: Lead → Agent', 'Will strip role Quality Evaluator']);
  });
});

describe('comparing claims', () => {
  it('splits a claim name into plain and highlighted parts from the diff ranges', () => {
    expect(splitByRanges('employeeID', [{ start: 8, end: 10 }])).toEqual([
      { text: 'employee', changed: false },
      { text: 'ID', changed: true },
    ]);
    expect(splitByRanges('abc', [])).toEqual([{ text: 'abc', changed: false }]);
    expect(
      splitByRanges('abc', [
        { start: 2, end: 99 },
        { start: -5, end: 1 },
      ]),
    ).toEqual([
      { text: 'a', changed: true },
      { text: 'b', changed: false },
      { text: 'c', changed: true },
    ]);
  });
});

describe('captured messages as engine input', () => {
  it('rebuilds the form body of a POST and the URL of a redirect', () => {
    const base = { time: '', url: 'https://idp.example/sso', relayState: 'r 1', blocked: false };
    expect(
      capturedInput({ ...base, parameter: 'SAMLResponse', binding: 'post', value: 'a+b=' }),
    ).toBe('SAMLResponse=a%2Bb%3D&RelayState=r+1');
    expect(
      capturedInput({
        ...base,
        parameter: 'SAMLRequest',
        binding: 'redirect',
        value: 'xyz',
        relayState: null,
      }),
    ).toBe('https://idp.example/sso?SAMLRequest=xyz');
    expect(loginUrlFor('mypurecloud.ie')).toBe('https://login.mypurecloud.ie/');
    expect(loginUrlFor(undefined)).toBe('https://login.mypurecloud.com/');
  });
});
