/**
 * A capture saved as a HAR 1.2 file that `jit-doctor diagnose` and the app read back: one entry per
 * SAML message, holding only SAMLRequest/SAMLResponse and RelayState, percent-encoded as Chrome
 * writes them. No header, cookie, other query parameter or form field is ever written: a sign-in
 * form's password never reaches the file.
 */
import type { CapturedMessage } from '../ipc';

interface NameValue {
  name: string;
  value: string;
}

export interface CaptureHar {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: object[];
  };
}

const STOPPED = 'stopped by JIT Doctor (diagnose only): never reached Genesys Cloud';

function fieldsOf(message: CapturedMessage): NameValue[] {
  const fields: NameValue[] = [
    { name: message.parameter, value: encodeURIComponent(message.value) },
  ];
  if (message.relayState !== null)
    fields.push({ name: 'RelayState', value: encodeURIComponent(message.relayState) });
  return fields;
}

function entryOf(message: CapturedMessage): object {
  const fields = fieldsOf(message);
  const text = fields.map((f) => `${f.name}=${f.value}`).join('&');
  const post = message.binding === 'post';
  return {
    startedDateTime: message.time,
    time: 0,
    request: {
      method: post ? 'POST' : 'GET',
      url: post ? message.url : `${message.url}?${text}`,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [],
      queryString: post ? [] : fields,
      ...(post
        ? { postData: { mimeType: 'application/x-www-form-urlencoded', params: fields, text } }
        : {}),
      headersSize: -1,
      bodySize: post ? text.length : 0,
    },
    // What came back is not recorded: only what the browser sent matters to the diagnosis.
    response: {
      status: 0,
      statusText: message.blocked ? STOPPED : '',
      httpVersion: '',
      cookies: [],
      headers: [],
      content: { size: 0, mimeType: '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
  };
}

export function captureHar(
  messages: readonly CapturedMessage[],
  creator: { name: string; version: string },
): CaptureHar {
  return { log: { version: '1.2', creator, entries: messages.map(entryOf) } };
}

/** One message as the engine reads it: the form body of a POST, the URL of a Redirect. */
export function messageText(message: CapturedMessage): string {
  const text = fieldsOf(message)
    .map((f) => `${f.name}=${f.value}`)
    .join('&');
  return message.binding === 'post' ? text : `${message.url}?${text}`;
}
