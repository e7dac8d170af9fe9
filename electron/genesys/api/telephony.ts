/** Sites, phone/line base settings, WebRTC phones (never duplicated), stations, default station. */
import type platformClient from 'purecloud-platform-client-v2';
import type { GenesysConnection } from '../connection';
import type { CallControl } from './types';
import type { NamedPageQuery, PageQuery } from './access';

export type PhoneBody = platformClient.Models.Phone;

export interface PhoneQuery extends PageQuery {
  webRtcUserId?: string;
  siteId?: string;
}

export interface StationQuery extends PageQuery {
  webRtcUserId?: string;
  name?: string;
}

export function createTelephonyApi(connection: GenesysConnection) {
  const phones = (query: PhoneQuery = {}) =>
    connection.call<platformClient.Models.PhoneEntityListing>(
      { operation: 'telephony.phones.list', signal: query.signal },
      (apis) =>
        apis.telephony.getTelephonyProvidersEdgesPhones({
          webRtcUserId: query.webRtcUserId,
          siteId: query.siteId,
          pageSize: query.pageSize,
          pageNumber: query.pageNumber,
        }),
    );

  return {
    sites: (query: NamedPageQuery = {}) =>
      connection.call<platformClient.Models.SiteEntityListing>(
        { operation: 'telephony.sites.list', signal: query.signal },
        (apis) =>
          apis.telephony.getTelephonyProvidersEdgesSites({
            name: query.name,
            pageSize: query.pageSize,
            pageNumber: query.pageNumber,
          }),
      ),
    phoneBaseSettings: (query: NamedPageQuery = {}) =>
      connection.call<platformClient.Models.PhoneBaseEntityListing>(
        { operation: 'telephony.phoneBaseSettings.list', signal: query.signal },
        (apis) =>
          apis.telephony.getTelephonyProvidersEdgesPhonebasesettings({
            name: query.name,
            pageSize: query.pageSize,
            pageNumber: query.pageNumber,
          }),
      ),
    /** The API has no name filter here: callers pick by name from the pages. */
    lineBaseSettings: (query: PageQuery = {}) =>
      connection.call<platformClient.Models.LineBaseEntityListing>(
        { operation: 'telephony.lineBaseSettings.list', signal: query.signal },
        (apis) =>
          apis.telephony.getTelephonyProvidersEdgesLinebasesettings({
            pageSize: query.pageSize,
            pageNumber: query.pageNumber,
          }),
      ),
    phones,
    /**
     * POST .../phones. A WebRTC phone is looked for (same user, same name) before any resend after
     * an ambiguous failure, so a user never ends up with two phones.
     */
    createPhone: (body: PhoneBody, control: CallControl = {}) =>
      connection.call<platformClient.Models.Phone>(
        {
          operation: 'telephony.phones.create',
          retry: body.webRtcUser?.id ? 'recheck' : 'never',
          signal: control.signal,
          recheck: async () => {
            const existing = await phones({
              webRtcUserId: body.webRtcUser?.id,
              pageSize: 100,
              signal: control.signal,
            });
            return existing.entities?.find((phone) => phone.name === body.name);
          },
        },
        (apis) => apis.telephony.postTelephonyProvidersEdgesPhones(body),
      ),
    /** GET /api/v2/stations: a new WebRTC phone's station appears only after a short delay. */
    stations: (query: StationQuery = {}) =>
      connection.call<platformClient.Models.StationEntityListing>(
        { operation: 'stations.list', signal: query.signal },
        (apis) =>
          apis.stations.getStations({
            webRtcUserId: query.webRtcUserId,
            name: query.name,
            pageSize: query.pageSize,
            pageNumber: query.pageNumber,
          }),
      ),
    putDefaultStation: (userId: string, stationId: string, control: CallControl = {}) =>
      connection.call<void>({ operation: 'stations.default.put', signal: control.signal }, (apis) =>
        apis.users.putUserStationDefaultstationStationId(userId, stationId),
      ),
    userStation: (userId: string, control: CallControl = {}) =>
      connection.call<platformClient.Models.UserStations>(
        { operation: 'stations.user.get', signal: control.signal },
        (apis) => apis.users.getUserStation(userId),
      ),
  };
}
