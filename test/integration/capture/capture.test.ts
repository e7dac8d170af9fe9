/**
 * `jit-doctor capture` end to end: the installed-browser path (Debian's Chromium, headless) driven
 * by the built command, against a local IdP on 127.0.0.1 whose pages make a Redirect-binding
 * AuthnRequest, open a pop-up that posts another AuthnRequest, and auto-post a response signed
 * by xmlsec1 (sample 007) to Genesys Cloud's ACS together with a password field. The browser goes
 * through a local proxy that forwards nothing, so no request can leave 127.0.0.1, and the test
 * checks the ACS POST never even reached it: the capture stopped it in the browser.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/report';
import { jitDoctor } from '../../unit/cli/in-process';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'dist', 'cli', 'jit-doctor.mjs');
const CASE = join(
  ROOT,
  'test',
  'fixtures',
  'samples',
  '007-google-workspace-response-signed-xmlsec1',
);
const NOW = '2026-11-23T09:00:00Z';
const PASSWORD = 'correct-horse-battery-staple';
const LOGIN_NAME = 'admin-login-name-4711';

const authnRequest = (id: string) =>
  `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="2026-11-23T08:59:50Z" AssertionConsumerServiceURL="https://login.mypurecloud.com/saml"><saml:Issuer>urn:gc:acme</saml:Issuer></samlp:AuthnRequest>`;

const autoPost = (action: string, fields: Record<string, string>) =>
  `<!doctype html><body onload="document.forms[0].submit()"><form method="post" action="${action}">${Object.entries(
    fields,
  )
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`)
    .join('')}</form></body>`;

/** The IdP: /start opens a pop-up and redirects to /sso with a Redirect-binding AuthnRequest. */
function idpPages(): Record<string, string> {
  const redirectRequest = deflateRawSync(authnRequest('_redirect-req')).toString('base64');
  const response = Buffer.from(readFileSync(join(CASE, 'input.xml'))).toString('base64');
  return {
    '/start': `<!doctype html><body><img src="https://proxy-check.invalid/pixel.png"><script>
      window.open('/popup', 'idp-popup');
      setTimeout(() => { location.href = '/sso?SAMLRequest=' + encodeURIComponent(${JSON.stringify(redirectRequest)}) + '&RelayState=from-redirect'; }, 200);
    </script></body>`,
    '/sso': autoPost('https://login.mypurecloud.com/saml', {
      SAMLResponse: response,
      RelayState: 'from-redirect',
      Password: PASSWORD,
    }),
    '/popup': autoPost('/idp/post', {
      SAMLRequest: Buffer.from(authnRequest('_popup-req')).toString('base64'),
      RelayState: 'from-popup',
      username: LOGIN_NAME,
    }),
    '/idp/post': '<!doctype html><p>signed in</p>',
  };
}

function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

describe.skipIf(!existsSync(CHROMIUM))('jit-doctor capture in Chromium', () => {
  let folder: string;
  let idp: Server;
  let proxy: ReturnType<typeof createTcpServer>;
  const proxied: string[] = [];
  let idpPort = 0;
  let proxyPort = 0;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'jit-doctor-capture-test-'));
    const pages = idpPages();
    idp = createHttpServer((request, response) => {
      request.resume();
      const page = pages[new URL(request.url ?? '/', 'http://127.0.0.1').pathname];
      response.writeHead(page ? 200 : 404, { 'content-type': 'text/html' });
      response.end(page ?? 'not found');
    });
    // Forwards nothing: it notes what the browser tried to reach and hangs up.
    proxy = createTcpServer((socket) => {
      socket.once('data', (data) => {
        proxied.push(data.toString('latin1').split('\r\n')[0] ?? '');
        socket.destroy();
      });
      socket.on('error', () => undefined);
    });
    idpPort = await listen(idp);
    proxyPort = await listen(proxy);
  });

  afterAll(() => {
    idp?.close();
    proxy?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('records every message, stops the ACS POST, and saves a HAR that diagnoses the same', async () => {
    // The installed browser, made to send everything that is not 127.0.0.1 through the proxy.
    const browser = join(folder, 'chromium-through-proxy');
    writeFileSync(
      browser,
      `#!/bin/sh\nexec ${CHROMIUM} --proxy-server=http://127.0.0.1:${proxyPort} "$@"\n`,
    );
    chmodSync(browser, 0o755);
    const har = join(folder, 'capture.har');
    const child = spawn(
      process.execPath,
      [
        BIN,
        'capture',
        `http://127.0.0.1:${idpPort}/start`,
        '--browser',
        browser,
        '--headless',
        '--config',
        join(CASE, 'config.json'),
        '--now',
        NOW,
        '--out',
        har,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`three messages not seen in time:\n${stdout}\n${stderr}`)),
        90_000,
      );
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if ((stdout.match(/^── #\d/gm) ?? []).length >= 3) {
          clearTimeout(timer);
          resolve();
        }
      });
      void exited.then(() => reject(new Error(`capture ended early:\n${stdout}\n${stderr}`)));
    });
    child.kill('SIGINT');
    const code = await exited;
    expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(code, stderr).toBe(0);

    // Every message, each diagnosed as it arrived; the ACS POST stopped.
    expect(stdout).toMatch(/Redirect SAMLRequest → http:\/\/127\.0\.0\.1:\d+\/sso\n/);
    expect(stdout).toMatch(/POST SAMLRequest → http:\/\/127\.0\.0\.1:\d+\/idp\/post\n/);
    expect(stdout).toMatch(
      /POST SAMLResponse → https:\/\/login\.mypurecloud\.com\/saml {2}\(stopped: diagnose only/,
    );
    expect(stdout).toMatch(/^(PASS|WARN) /m);
    // Nothing left 127.0.0.1: the proxy saw the page's control request, never Genesys Cloud.
    expect(proxied.some((line) => line.startsWith('CONNECT proxy-check.invalid:443'))).toBe(true);
    expect(proxied.filter((line) => /mypurecloud/.test(line))).toEqual([]);

    // The HAR: three entries, no secret form field, and it reads back to the same findings.
    const text = readFileSync(har, 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(LOGIN_NAME);
    expect(text).not.toMatch(/"(Password|username)"/);
    const entries = (JSON.parse(text) as { log: { entries: { request: { url: string } }[] } }).log
      .entries;
    expect(entries).toHaveLength(3);
    const fromHar = await jitDoctor([
      'diagnose',
      har,
      '--config',
      join(CASE, 'config.json'),
      '--now',
      NOW,
      '--format',
      'json',
    ]);
    const direct = await jitDoctor([
      'diagnose',
      join(CASE, 'input.xml'),
      '--config',
      join(CASE, 'config.json'),
      '--now',
      NOW,
      '--format',
      'json',
    ]);
    const codes = (m: Report['messages'][number]) => m.findings.map((f) => f.code).sort();
    const captured = (JSON.parse(fromHar.stdout) as Report).messages;
    expect(captured.map((m) => m.type).sort()).toEqual([
      'AuthnRequest',
      'AuthnRequest',
      'Response',
    ]);
    const response = captured.find((m) => m.type === 'Response')!;
    const original = (JSON.parse(direct.stdout) as Report).messages[0]!;
    expect(response.signature.status).toBe('valid');
    expect(codes(response)).toEqual(codes(original));
    expect(fromHar.code).toBe(direct.code);
  }, 150_000);
});
