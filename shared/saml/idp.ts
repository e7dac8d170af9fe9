/**
 * Which IdP product sent a message, recognised from its Issuer, and where in that product's admin
 * console a person changes each thing a finding asks for. Fix texts use these so that "change the
 * claim name" becomes "Enterprise applications → your app → Single sign-on → Attributes & Claims".
 * Other stages (mapping, signature) reuse the same guide.
 */
import type { IdpKind } from '../report';

export interface IdpGuide {
  kind: IdpKind;
  /** The product's name as its admins know it. */
  name: string;
  /** Where claims/attributes are named and valued. */
  claims: string;
  /** Where the NameID (subject identifier) and its format are chosen. */
  nameId: string;
  /** Where the SP entity ID (audience) and the ACS/reply URL are entered. */
  serviceProvider: string;
  /** Where the signing certificate and what is signed (response/assertion, algorithm) are set. */
  signing: string;
  /** Where assertion encryption for this application is switched off. */
  encryption: string;
  /** Where the IdP shows its own entity ID (the Issuer), to copy into Genesys Cloud. */
  issuer: string;
  /** How to join given name and surname into one display-name claim. */
  computedName: string;
}

const GUIDES: Record<IdpKind, IdpGuide> = {
  entra: {
    kind: 'entra',
    name: 'Microsoft Entra ID (Azure AD)',
    claims:
      'Entra admin center → Enterprise applications → your app → Single sign-on → Attributes & Claims',
    nameId:
      'Enterprise applications → your app → Single sign-on → Attributes & Claims → Unique User Identifier (Name ID)',
    serviceProvider:
      'Enterprise applications → your app → Single sign-on → Basic SAML Configuration (Identifier (Entity ID), Reply URL)',
    signing:
      'Enterprise applications → your app → Single sign-on → SAML Certificates (signing option and algorithm, download Certificate (Base64))',
    encryption:
      'Enterprise applications → your app → Security → Token encryption (deactivate the active token encryption certificate)',
    issuer:
      'Enterprise applications → your app → Single sign-on → Set up (Microsoft Entra Identifier)',
    computedName:
      'Attributes & Claims → Add new claim → Source: Transformation → Join (user.givenname, " ", user.surname)',
  },
  okta: {
    kind: 'okta',
    name: 'Okta',
    claims:
      'Okta Admin Console → Applications → your app → General → SAML Settings → Attribute Statements',
    nameId:
      'Applications → your app → General → SAML Settings → Name ID format and Application username',
    serviceProvider:
      'Applications → your app → General → SAML Settings (Single sign-on URL, Audience URI (SP Entity ID))',
    signing:
      'Applications → your app → Sign On → SAML Signing Certificates, and SAML Settings → Advanced (Response/Assertion Signature, Signature Algorithm)',
    encryption:
      'Applications → your app → General → SAML Settings → Edit → Show Advanced Settings → Assertion Encryption: Unencrypted',
    issuer:
      'Applications → your app → Sign On → View SAML setup instructions (Identity Provider Issuer)',
    computedName:
      'SAML Settings → Attribute Statements → value expression user.firstName + " " + user.lastName',
  },
  adfs: {
    kind: 'adfs',
    name: 'AD FS',
    claims: 'AD FS Management → Relying Party Trusts → your trust → Edit Claim Issuance Policy',
    nameId:
      'Relying Party Trusts → your trust → Edit Claim Issuance Policy → the rule that issues Name ID (Outgoing name ID format)',
    serviceProvider:
      'Relying Party Trusts → your trust → Properties → Identifiers (relying party identifier) and Endpoints (SAML Assertion Consumer)',
    signing:
      'AD FS Management → Service → Certificates (Token-signing), and Relying Party Trusts → your trust → Properties → Advanced (secure hash algorithm)',
    encryption:
      'Relying Party Trusts → your trust → Properties → Encryption (remove the encryption certificate), or Set-AdfsRelyingPartyTrust -TargetName <trust> -EncryptClaims $false',
    issuer:
      'AD FS Management → Service → Edit Federation Service Properties (Federation Service identifier)',
    computedName:
      'Edit Claim Issuance Policy → Add Rule → Send Claims Using a Custom Rule (concatenate given name and surname)',
  },
  ping: {
    kind: 'ping',
    name: 'PingFederate / PingOne',
    claims:
      'PingFederate: SP connection → Attribute Contract and Attribute Contract Fulfillment (PingOne: your application → Attribute Mappings)',
    nameId:
      'SP connection → Attribute Contract → SAML_SUBJECT and its name format (PingOne: Attribute Mappings → saml_subject)',
    serviceProvider:
      'SP connection → General Info (Partner’s Entity ID) and Protocol Settings → Assertion Consumer Service URL (PingOne: Configuration → ACS URLs, Entity ID)',
    signing:
      'SP connection → Credentials → Digital Signature Settings (signing certificate, algorithm; what to sign)',
    encryption:
      'SP connection → Protocol Settings → Encryption Policy: None (PingOne: your application → Configuration → clear Enable Encryption)',
    issuer:
      'Server Configuration → Federation Info (SAML 2.0 Entity ID) (PingOne: Configuration → Issuer ID)',
    computedName:
      'Attribute Contract Fulfillment → Expression: #this.get("givenName") + " " + #this.get("sn")',
  },
  google: {
    kind: 'google',
    name: 'Google Workspace',
    claims: 'Google Admin console → Apps → Web and mobile apps → your app → SAML attribute mapping',
    nameId:
      'Apps → Web and mobile apps → your app → Service provider details → Name ID format and Name ID',
    serviceProvider:
      'Apps → Web and mobile apps → your app → Service provider details (ACS URL, Entity ID, Signed response)',
    signing:
      'Security → Authentication → SSO with SAML applications (IdP certificate), and your app → Service provider details → Signed response',
    encryption:
      'Apps → Web and mobile apps → your app → Service provider details; Google Workspace itself does not encrypt assertions, so a service between Google and Genesys Cloud re-issued this one: switch encryption off there',
    issuer: 'Apps → Web and mobile apps → your app → Download metadata (Entity ID)',
    computedName:
      'Google cannot send a joined display name: map givenName and surname in Genesys Cloud instead',
  },
  generic: {
    kind: 'generic',
    name: 'your IdP',
    claims: "your IdP's attribute (claim) settings for the Genesys Cloud application",
    nameId: "your IdP's NameID (subject) settings for the Genesys Cloud application",
    serviceProvider:
      "your IdP's service-provider settings for Genesys Cloud (entity ID / audience, ACS URL)",
    signing: "your IdP's signing settings for the Genesys Cloud application",
    encryption:
      "your IdP's encryption settings for the Genesys Cloud application (assertion or token encryption)",
    issuer: "your IdP's metadata (its entity ID)",
    computedName: 'a computed attribute in your IdP that joins given name and surname',
  },
};

/** Recognises the IdP product from an Issuer value; `generic` when nothing matches. */
export function recogniseIdp(issuer: string | null | undefined): IdpKind {
  const value = (issuer ?? '').trim().toLowerCase();
  if (!value) return 'generic';
  const host = hostOf(value);
  if (
    /(^|\.)sts\.windows\.net$/.test(host) ||
    /(^|\.)login\.microsoftonline\.(com|us|de)$/.test(host) ||
    /(^|\.)login\.partner\.microsoftonline\.cn$/.test(host) ||
    /(^|\.)sts\.chinacloudapi\.cn$/.test(host)
  )
    return 'entra';
  if (
    /(^|\.)(okta|oktapreview|okta-emea|okta-gov)\.com$/.test(host) ||
    /^exk[0-9a-z]{10,}$/.test(lastSegment(value))
  )
    return 'okta';
  if (value.includes('/adfs/services/trust')) return 'adfs';
  if (
    /(^|\.)(pingone\.(com|eu|asia|ca)|pingidentity\.com|pingfederate\.[a-z.]+)$/.test(host) ||
    /pingfederate/.test(value) ||
    // PingFederate's runtime listens on 9031 by default; hosts are often named pingfed*.
    /(^|\.)pingfed[a-z0-9-]*\./.test(host) ||
    /^https?:\/\/[^/]+:9031(\/|$)/.test(value)
  )
    return 'ping';
  if (host === 'accounts.google.com' && value.includes('/o/saml2')) return 'google';
  return 'generic';
}

export function idpGuide(kind: IdpKind | null | undefined): IdpGuide {
  return GUIDES[kind ?? 'generic'];
}

/** "In Okta (Applications → …), " — the opening of a fix sentence that points at the right screen. */
export function whereIn(
  kind: IdpKind | null | undefined,
  place: keyof Omit<IdpGuide, 'kind' | 'name'>,
): string {
  const guide = idpGuide(kind);
  if (guide.kind === 'generic') return `In ${guide[place]}`;
  return `In ${guide.name} (${guide[place]})`;
}

function hostOf(value: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/.exec(value);
  return match?.[1] ?? '';
}

function lastSegment(value: string): string {
  const parts = value.replace(/\/+$/, '').split('/');
  return parts[parts.length - 1] ?? '';
}
