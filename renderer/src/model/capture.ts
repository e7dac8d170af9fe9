/** Captured SAML messages as engine input. Pure. */
import type { CapturedMessage } from '../../../shared/ipc';

/** A form body for the POST binding, the whole URL for the Redirect binding. */
export function capturedInput(message: CapturedMessage): string {
  const params = new URLSearchParams({ [message.parameter]: message.value });
  if (message.relayState !== null) params.set('RelayState', message.relayState);
  return message.binding === 'post' ? params.toString() : `${message.url}?${params.toString()}`;
}

/** Genesys Cloud's login page for a region, where an SP-initiated capture starts. */
export function loginUrlFor(region: string | undefined): string {
  const domain = (region ?? 'mypurecloud.com').trim() || 'mypurecloud.com';
  return `https://login.${domain}/`;
}
