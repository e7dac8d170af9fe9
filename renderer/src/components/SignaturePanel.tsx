/** What is signed, by which certificate, and its fingerprints next to the configured ones. */
import type { CertificateInfo, Finding, SignatureSummary } from '../../../shared/report';

const STATUS_TEXT: Record<SignatureSummary['status'], string> = {
  valid: 'Valid: verified with a configured certificate',
  invalid: 'Invalid: a digest or signature value does not verify',
  missing: 'Missing: nothing is signed',
  untrusted: 'Untrusted: verifies only with a certificate that is not configured',
  // Why is the engine's to say (its SIGNATURE_NOT_CHECKED finding), shown in place of this.
  'not-checked': 'Not checked',
  wrapped: 'Wrapped: what is signed is not what would be used',
};

const shortAlgorithm = (uri: string | null) => (uri ? (uri.split(/[#/]/).pop() ?? uri) : '—');

export function SignaturePanel({
  signature,
  findings,
}: {
  signature: SignatureSummary;
  /** The message's findings: the engine's reason when the signature was not checked. */
  findings: readonly Finding[];
}) {
  const notChecked = findings.find((f) => f.code === 'SIGNATURE_NOT_CHECKED');
  const certificates = signature.certificates ?? [];
  const configured = certificates.filter((c) => c.source === 'configured');
  const embedded = certificates.filter((c) => c.source === 'embedded');
  const signerFingerprints = new Set(
    signature.signed.map((s) => s.certificateSha256).filter((f): f is string => f !== null),
  );
  return (
    <section className="card signature" aria-labelledby="signature-title">
      <h2 id="signature-title">Signature</h2>
      <p className={`sig-status sig-${signature.status}`}>
        {signature.status === 'not-checked' && notChecked
          ? notChecked.message
          : STATUS_TEXT[signature.status]}
      </p>
      {signature.signed.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">Signed elements</caption>
          <thead>
            <tr>
              <th scope="col">Signed element</th>
              <th scope="col">Algorithms</th>
              <th scope="col">Certificate (SHA-256)</th>
            </tr>
          </thead>
          <tbody>
            {signature.signed.map((s, i) => (
              <tr key={i}>
                <td>
                  {s.element}
                  {s.id ? <code className="small"> {s.id}</code> : null}
                  {s.verified === false && (
                    <span className="badge badge-error">does not verify</span>
                  )}
                </td>
                <td>
                  {shortAlgorithm(s.signatureAlgorithm)} / {shortAlgorithm(s.digestAlgorithm)}
                </td>
                <td>
                  <Fingerprint value={s.certificateSha256} />
                  {s.configuredCertificateIndex !== undefined &&
                  s.configuredCertificateIndex !== null
                    ? ` (configured #${s.configuredCertificateIndex + 1})`
                    : s.certificateSha256
                      ? ' (not configured)'
                      : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="cert-columns">
        <CertificateList
          title="Configured certificates"
          list={configured}
          signers={signerFingerprints}
        />
        <CertificateList
          title="In the message (KeyInfo)"
          list={embedded}
          signers={signerFingerprints}
        />
      </div>
    </section>
  );
}

function Fingerprint({ value }: { value: string | null }) {
  return value ? <code className="fingerprint">{value}</code> : <span className="muted">none</span>;
}

function CertificateList({
  title,
  list,
  signers,
}: {
  title: string;
  list: CertificateInfo[];
  signers: Set<string>;
}) {
  return (
    <div>
      <h3>{title}</h3>
      {list.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="certs">
          {list.map((c) => (
            <li
              key={`${c.source}-${c.index}`}
              className={signers.has(c.sha256) ? 'cert signer' : 'cert'}
            >
              <div>
                <strong>{c.subject ?? `certificate #${c.index + 1}`}</strong>
                {signers.has(c.sha256) && <span className="badge badge-info">signed this</span>}
              </div>
              <div className="muted small">
                valid {c.notBefore?.slice(0, 10) ?? '?'} → {c.notAfter?.slice(0, 10) ?? '?'}
              </div>
              <div className="small">
                SHA-256 <Fingerprint value={c.sha256} />
              </div>
              <div className="small">
                SHA-1 <Fingerprint value={c.sha1} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
