/** The fixed parts of the demo org: names, departments, the sample users, its SSO provider. */
import type { DirectoryUser } from '../../../shared/directory/types';

export const FIRST = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Mateo',
  'Sofia',
  'Lucas',
  'Mia',
  'Ethan',
  'Isabella',
  'Mason',
  'Amara',
  'Kenji',
  'Fatima',
  'Diego',
  'Chloe',
  'Omar',
  'Grace',
  'Ravi',
  'Hannah',
  'Jonas',
  'Zara',
  'Luis',
  'Elena',
  'Kwame',
  'Nora',
  'Arjun',
  'Leah',
  'Tariq',
];
export const LAST = [
  'Garcia',
  'Nguyen',
  'Smith',
  'Okafor',
  'Johnson',
  'Kowalski',
  'Murphy',
  'Silva',
  'Chen',
  "O'Brien",
  'Haddad',
  'Patel',
  'Lindqvist',
  'Moreau',
  'Tanaka',
  'Brown',
  'Novak',
  'Rahman',
  'Walsh',
  'Fernandes',
];

export interface Department {
  name: string;
  size: number;
  division: 'Home' | 'Partner Division';
  location: string;
  skills: { name: string; proficiency: number }[];
  webRtcPhone: boolean;
  utilization?: Partial<Record<'call' | 'chat', number>>;
  roles: string[];
}

/** Matches resources/demo/config.json postJit rules for the departments the rules cover. */
export const DEPARTMENTS: Department[] = [
  {
    name: 'Seasonal_Retail',
    size: 74,
    division: 'Home',
    location: 'Chicago',
    skills: [
      { name: 'Customer_Service', proficiency: 1 },
      { name: 'Order_Tracking', proficiency: 1 },
    ],
    webRtcPhone: true,
    utilization: { call: 1, chat: 3 },
    roles: ['Communicate_User', 'Agent_Tier1'],
  },
  {
    name: 'Tech_Support',
    size: 40,
    division: 'Home',
    location: 'Dublin',
    skills: [{ name: 'Basic_Troubleshooting', proficiency: 1 }],
    webRtcPhone: true,
    roles: ['Communicate_User', 'Agent_Tier2'],
  },
  {
    name: 'Seasonal_Tech_Support',
    size: 20,
    division: 'Home',
    location: 'Dublin',
    skills: [{ name: 'Basic_Troubleshooting', proficiency: 1 }],
    webRtcPhone: true,
    roles: ['Communicate_User', 'Agent_Tier1'],
  },
  {
    name: 'Billing',
    size: 26,
    division: 'Home',
    location: 'Austin',
    skills: [{ name: 'Billing', proficiency: 3 }],
    webRtcPhone: true,
    roles: ['Communicate_User', 'Agent_Tier1'],
  },
  {
    name: 'Partner_Support',
    size: 15,
    division: 'Partner Division',
    location: 'Austin',
    skills: [{ name: 'Customer_Service', proficiency: 2 }],
    webRtcPhone: true,
    roles: ['Communicate_User', 'Agent_Tier1'],
  },
  {
    name: 'Quality',
    size: 8,
    division: 'Home',
    location: 'Chicago',
    skills: [],
    webRtcPhone: false,
    roles: ['Communicate_User', 'Quality Evaluator'],
  },
  {
    name: 'Workforce',
    size: 5,
    division: 'Home',
    location: 'Chicago',
    skills: [],
    webRtcPhone: false,
    roles: ['Communicate_User', 'Supervisor'],
  },
];

/** The two users the sample cases' directories know, exactly as there. */
export const SAMPLE_USERS: DirectoryUser[] = [
  // The two users the sample cases' directories know, exactly as there.
  {
    id: '0f6e2c1a-7b3d-4e9f-8a2b-5c4d3e2f1a09',
    name: 'Sam Lead',
    email: 'sam.lead@acme.example',
    state: 'active',
    department: 'Seasonal_Retail',
    title: 'Team Lead',
    employeeId: 'EMP-00042',
    manager: null,
    division: 'Home',
    location: 'Chicago',
    roles: ['Communicate_User', 'Supervisor'],
    skills: [
      { name: 'Customer_Service', proficiency: 1 },
      { name: 'Order_Tracking', proficiency: 1 },
    ],
    webRtcPhone: true,
    defaultStation: true,
    utilization: { call: 1, chat: 3 },
    createdAt: '2025-03-01T10:00:00Z',
  },
  // Jane holds "Quality Evaluator" granted by hand: a JIT login that sends roles would strip it.
  {
    id: '7d1c9b2e-4a6f-4c3d-9e8b-1a2b3c4d5e6f',
    name: 'Jane Doe',
    email: 'jane.doe@acme.example',
    state: 'active',
    department: 'Seasonal_Retail',
    title: 'Agent',
    employeeId: 'EMP-12345',
    manager: 'sam.lead@acme.example',
    division: 'Home',
    location: 'Chicago',
    roles: ['Communicate_User', 'Agent_Tier1', 'Quality Evaluator'],
    skills: [
      { name: 'Customer_Service', proficiency: 1 },
      { name: 'Order_Tracking', proficiency: 1 },
    ],
    webRtcPhone: true,
    defaultStation: true,
    utilization: { call: 1, chat: 3 },
    createdAt: '2026-11-20T08:59:12Z',
  },
];

export const DEMO_IDENTITY_PROVIDERS = [
  {
    name: 'Azure AD - employees',
    providerName: 'Generic',
    disabled: false,
    issuerURI: 'https://sts.windows.net/5b7c1e2a-3f4d-4c8e-9a1b-2d6e7f809abc/',
    ssoTargetURI: 'https://login.microsoftonline.com/5b7c1e2a-3f4d-4c8e-9a1b-2d6e7f809abc/saml2',
    relyingPartyIdentifier: 'urn:genesys:acme',
    nameIdentifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    ssoBinding: 'HTTP Redirect',
    signAuthnRequests: false,
    displayOnLogin: true,
  },
];
