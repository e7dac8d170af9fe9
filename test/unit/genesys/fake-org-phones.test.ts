/**
 * The fake org's phone index (electron/genesys/fake-org/state.ts, FakePhones): a lookup by name
 * answers what a scan of every phone would, as phones are added, replaced and removed.
 */
import { describe, expect, it } from 'vitest';
import type { FakePhone } from '../../../electron/genesys/fake-org/model';
import { FakePhones } from '../../../electron/genesys/fake-org/state';

const phone = (id: string, name: string): FakePhone => ({
  id,
  name,
  siteId: 'site',
  phoneBaseSettingsId: 'base',
  lineBaseSettingsId: 'line',
  webRtcUserId: `user-${id}`,
  stationVisibleAtMs: 0,
  dateCreated: '2026-11-23T09:00:00.000Z',
});

const scan = (phones: FakePhones, names: string[]) =>
  [...phones.values()].filter((p) => names.some((n) => n.toLowerCase() === p.name.toLowerCase()));

describe('FakePhones', () => {
  it('finds phones by exact name, case-insensitively, in the order they were added', () => {
    const phones = new FakePhones();
    phones.set('a', phone('a', 'WebRTC one'));
    phones.set('b', phone('b', 'WebRTC two'));
    phones.set('c', phone('c', 'webrtc ONE'));
    expect(phones.named(['WEBRTC one', 'WebRTC two']).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(phones.named(['WebRTC one', 'webrtc one']).map((p) => p.id)).toEqual(['a', 'c']);
    expect(phones.named(['WebRTC three'])).toEqual([]);
  });

  it('follows replacements and removals as a scan would', () => {
    const phones = new FakePhones();
    for (let i = 0; i < 50; i += 1) phones.set(`p${i}`, phone(`p${i}`, `WebRTC ${i % 7}`));
    phones.set('p3', phone('p3', 'WebRTC renamed'));
    phones.delete('p10');
    phones.delete('p11');
    phones.delete('missing');
    const names = ['WebRTC 3', 'WebRTC 4', 'WebRTC renamed', 'WebRTC 0'];
    expect(phones.named(names)).toEqual(scan(phones, names));
    const sorted = () => [...phones.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(phones.byId()).toEqual(sorted());
    phones.set('p00', phone('p00', 'WebRTC new'));
    phones.delete('p2');
    expect(phones.byId()).toEqual(sorted());
    phones.clear();
    expect(phones.named(names)).toEqual([]);
    expect(phones.byId()).toEqual([]);
  });
});
