import platformClient from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { REGION_DOMAINS } from '../../../shared/saml/regions';

describe("the engine's region table", () => {
  it("is the SDK's PureCloudRegionHosts: every region, every domain", () => {
    expect(REGION_DOMAINS).toEqual({ ...platformClient.PureCloudRegionHosts });
  });
});
