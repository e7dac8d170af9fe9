/** The capture window: recording the SAML messages of a real login. */
import { none, text, type RequestShapes } from './common';

/** A SAML message seen by the capture window. */
export interface CapturedMessage {
  /** ISO-8601 time the browser sent it. */
  time: string;
  parameter: 'SAMLRequest' | 'SAMLResponse';
  binding: 'post' | 'redirect';
  /** The URL it was sent to (query stripped). */
  url: string;
  /** The raw parameter value as sent (base64, or deflated base64 for the Redirect binding). */
  value: string;
  relayState: string | null;
  /** True when "diagnose only" cancelled it before it reached Genesys Cloud. */
  blocked: boolean;
}

export interface CaptureRequest {
  /** https URL: the org's login page or an IdP-initiated sign-in URL. */
  url: string;
  /** Cancel the POST to Genesys Cloud's ACS so the capture never creates a user through JIT. */
  diagnoseOnly: boolean;
}

export interface CaptureInvokes {
  /** Opens the capture window (its own session, no preload). */
  openCapture: { request: CaptureRequest; reply: { opened: true } };
  listCaptures: { request: void; reply: CapturedMessage[] };
  clearCaptures: { request: void; reply: CapturedMessage[] };
}

export const CAPTURE_SHAPES: RequestShapes<CaptureInvokes> = {
  openCapture: { url: text(4000), diagnoseOnly: { type: 'boolean' } },
  listCaptures: none,
  clearCaptures: none,
};

export interface CaptureEvents {
  captureMessage: CapturedMessage;
}
