/**
 * Property test: the engine returns a well-formed report for any damage done to real inputs —
 * byte flips, truncation, inserted markup, broken base64, other text encodings — and never throws.
 * About 11,500 runs in all, spread over the properties so the suite stays CI-friendly;
 * `npm run fuzz -- --scale N` runs N times as many (JIT_DOCTOR_FUZZ_SCALE) and prints the figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import type { JitDoctorConfig } from '../../../shared/config/types';
import { diagnose } from '../../../shared/saml/diagnose';
import { SAMPLES } from './checks/fixtures';
import { expectWellFormed } from './diagnose-helpers';

interface Sample {
  [fc.toStringMethod]: () => string;
  name: string;
  bytes: Uint8Array;
  config: JitDoctorConfig;
  now: Date;
}

function load(name: string, file: string): Sample {
  const dir = join(SAMPLES, name);
  const expect = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as { now: string };
  return {
    // A counterexample prints the sample's name, not kilobytes of bytes.
    [fc.toStringMethod]: () => `${name}/${file}`,
    name: `${name}/${file}`,
    bytes: readFileSync(join(dir, file)),
    config: JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as JitDoctorConfig,
    now: new Date(expect.now),
  };
}

const XML_SAMPLES = [
  load('001-entra-assertion-signed-pysaml2', 'input.xml'),
  load('003-okta-assertion-signed-auth0', 'input.xml'),
  load('007-google-workspace-response-signed-xmlsec1', 'input.xml'),
  load('055-status-responder-authnfailed', 'input.xml'),
  load('057-encrypted-assertion-pysaml2', 'input.xml'),
  load('095-attack-xsw7', 'input.xml'),
  load('097-attack-comment-injection-nameid', 'input.xml'),
  load('104-attack-unsigned-second-assertion', 'input.xml'),
];
const ENCODED_SAMPLES = [
  load('113-enc-base64-post-binding', 'input.b64'),
  load('115-enc-form-body-with-relaystate', 'input.txt'),
  load('117-enc-redirect-binding-authnrequest-deflated', 'input.b64'),
];
const CAPTURE_SAMPLES = [
  load('121-har-chromium-sp-initiated-login', 'input.har'),
  load('124-samltracer-export-masked-values', 'input.json'),
];

/** Markup an attacker or a bad copy-and-paste puts into a message. */
const SNIPPETS = [
  '<!---->',
  '<!-- x -->',
  '<?x y?>',
  '<![CDATA[x]]>',
  '<!DOCTYPE r [<!ENTITY a "b">]>',
  '<!ENTITY x SYSTEM "file:///etc/passwd">',
  '&a;',
  '&amp;',
  '&#0;',
  '&#x10FFFF;',
  '<',
  '>',
  '"',
  '\u0000',
  '\ufffd',
  '</saml2:Assertion>',
  '<Assertion xmlns="urn:oasis:names:tc:SAML:2.0:assertion" ID="dup"/>',
  '<saml:Attribute xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" Name="OrganizationName"><saml:AttributeValue>x</saml:AttributeValue></saml:Attribute>',
  '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/>',
  ' ID="_x"',
  'xmlns=""',
];

const sampleOf = (samples: Sample[]) => fc.constantFrom(...samples);

/** How many times the default runs (npm run fuzz); every property runs `runs(n)` inputs. */
const SCALE = fuzzScale(process.env.JIT_DOCTOR_FUZZ_SCALE);
const runs = (n: number) => n * SCALE;
let inputs = 0;
const started = performance.now();

function fuzzScale(text: string | undefined): number {
  if (text === undefined || text === '') return 1;
  const scale = Number(text);
  if (!Number.isInteger(scale) || scale < 1)
    throw new Error(`JIT_DOCTOR_FUZZ_SCALE must be a whole number of at least 1, not "${text}"`);
  return scale;
}

afterAll(() => {
  // npm run fuzz sets the scale and wants the figures; npm test stays quiet.
  if (process.env.JIT_DOCTOR_FUZZ_SCALE !== undefined)
    console.log(
      `fuzz: ${inputs} mutated inputs diagnosed, 0 throws, in ${((performance.now() - started) / 1000).toFixed(1)} s (scale ${SCALE})`,
    );
});

function check(sample: Sample, bytes: Uint8Array): void {
  inputs += 1;
  const report = diagnose([{ name: sample.name, bytes }], {
    config: sample.config,
    directory: null,
    now: sample.now,
  });
  expectWellFormed(report);
}

const flip = (bytes: Uint8Array, flips: [number, number][]) => {
  const out = Uint8Array.from(bytes);
  for (const [at, mask] of flips) out[at % out.length] = out[at % out.length]! ^ mask;
  return out;
};

const insert = (bytes: Uint8Array, at: number, snippet: string) => {
  const text = Buffer.from(bytes).toString('latin1');
  const i = at % (text.length + 1);
  return Buffer.from(text.slice(0, i) + snippet + text.slice(i), 'latin1');
};

/**
 * The properties are CPU-bound: each diagnoses 500–3,000 inputs, one to three seconds of CPU. On a
 * machine at load 20 (two cores, eight test runs) a test gets a tenth of a core, so the suite's
 * 30 s default, meant for tests that wait, would fail them; the timeout here only stops a hang.
 * Fewer runs are not the same test: the full runs reached 37 and 38 distinct finding codes (two
 * seeds), a third of the runs 33 and 29 (NAME_MISSING, ORGNAME_MISMATCH, VALUE_EMAIL_INVALID… never).
 */
describe('diagnose under mutation (fast-check)', { timeout: 180_000 }, () => {
  it('survives byte flips in raw XML', () => {
    fc.assert(
      fc.property(
        sampleOf(XML_SAMPLES),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 6,
        }),
        (sample, flips) => check(sample, flip(sample.bytes, flips)),
      ),
      { numRuns: runs(3000) },
    );
  });

  it('survives truncation of every input form', () => {
    fc.assert(
      fc.property(
        sampleOf([...XML_SAMPLES, ...ENCODED_SAMPLES, ...CAPTURE_SAMPLES]),
        fc.nat(),
        (sample, at) => check(sample, sample.bytes.subarray(0, at % (sample.bytes.length + 1))),
      ),
      { numRuns: runs(2000) },
    );
  });

  it('survives inserted tags, comments, entities and declarations', () => {
    fc.assert(
      fc.property(
        sampleOf(XML_SAMPLES),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...SNIPPETS)), { minLength: 1, maxLength: 3 }),
        (sample, inserts) =>
          check(
            sample,
            inserts.reduce((bytes, [at, snippet]) => insert(bytes, at, snippet), sample.bytes),
          ),
      ),
      { numRuns: runs(3000) },
    );
  });

  it('survives damaged base64, form bodies and captures', () => {
    const damage = fc.oneof(
      fc.tuple(fc.constant('delete' as const), fc.nat(), fc.constant('')),
      fc.tuple(
        fc.constant('insert' as const),
        fc.nat(),
        fc.constantFrom('=', '%', '!', ' ', '\n', '-', '_', '&', '%ZZ', '=='),
      ),
      fc.tuple(fc.constant('flip' as const), fc.nat(), fc.constant('')),
    );
    fc.assert(
      fc.property(
        sampleOf([...ENCODED_SAMPLES, ...CAPTURE_SAMPLES]),
        fc.array(damage, { minLength: 1, maxLength: 4 }),
        (sample, edits) => {
          let text = Buffer.from(sample.bytes).toString('latin1');
          for (const [kind, at, what] of edits) {
            const i = at % (text.length + 1);
            if (kind === 'delete') text = text.slice(0, i) + text.slice(i + 1);
            else if (kind === 'insert') text = text.slice(0, i) + what + text.slice(i);
            else
              text =
                text.slice(0, i) +
                String.fromCharCode((text.charCodeAt(i) || 65) ^ 1) +
                text.slice(i + 1);
          }
          check(sample, Buffer.from(text, 'latin1'));
        },
      ),
      { numRuns: runs(2000) },
    );
  });

  it('survives arbitrary bytes and text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2048 }),
          fc.string({ maxLength: 512 }).map((s) => new TextEncoder().encode(s)),
          fc
            .string({ maxLength: 256 })
            .map((s) =>
              new TextEncoder().encode(
                `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">${s}</samlp:Response>`,
              ),
            ),
        ),
        (bytes) => check(XML_SAMPLES[0]!, bytes),
      ),
      { numRuns: runs(1000) },
    );
  });

  it('survives other text encodings and stray bytes', () => {
    const encodings = fc.constantFrom(
      'utf-16le',
      'utf-16le-bom',
      'utf-16be',
      'utf-16be-bom',
      'latin1',
    );
    fc.assert(
      fc.property(
        sampleOf(XML_SAMPLES),
        encodings,
        fc.nat(),
        fc.integer({ min: 0x80, max: 0xff }),
        (sample, encoding, at, stray) => {
          const text = Buffer.from(sample.bytes).toString('utf8');
          const i = at % (text.length + 1);
          // A character typed in another encoding lands in the middle of the message.
          const mixed = text.slice(0, i) + String.fromCharCode(stray) + text.slice(i);
          let bytes: Buffer;
          if (encoding === 'latin1') bytes = Buffer.from(mixed, 'latin1');
          else {
            bytes = Buffer.from(mixed, 'utf16le');
            if (encoding.startsWith('utf-16be')) bytes.swap16();
            if (encoding.endsWith('-bom'))
              bytes = Buffer.concat([
                Buffer.from(encoding.startsWith('utf-16be') ? [0xfe, 0xff] : [0xff, 0xfe]),
                bytes,
              ]);
          }
          check(sample, bytes);
        },
      ),
      { numRuns: runs(500) },
    );
  });
});
