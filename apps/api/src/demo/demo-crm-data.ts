/**
 * CRM records of the demo organization: invented companies and people, .test emails and
 * phone numbers from Ofcom's drama ranges (0113 496 0xxx Leeds, 0117 496 0xxx Bristol),
 * which are never in service.
 */
export interface DemoContact {
  fullName: string;
  email: string;
  phone?: string;
  jobTitle?: string;
  tags?: string[];
}

export interface DemoCommunication {
  kind: 'call' | 'email' | 'meeting' | 'note';
  direction: 'inbound' | 'outbound' | 'internal';
  /** Days before the seed ran. */
  daysAgo: number;
  /** Index into the client's contacts; absent: with the client itself. */
  contact?: number;
  subject: string;
  body: string;
  durationMinutes?: number;
}

export interface DemoClient {
  kind: 'company' | 'individual';
  name: string;
  branch: 'Leeds' | 'Bristol';
  email: string;
  phone: string;
  address: { line1: string; city: string; postcode: string; country: string };
  company?: { legalName: string; registrationNumber?: string; vatNumber?: string; industry?: string };
  tags: string[];
  notes?: string;
  contacts: DemoContact[];
  communications: DemoCommunication[];
}

export const DEMO_CLIENTS: DemoClient[] = [
  {
    kind: 'company',
    name: 'Riverside Dental Practice',
    branch: 'Leeds',
    email: 'reception@riverside-dental.test',
    phone: '+44 113 496 0101',
    address: { line1: '14 Wharf Approach', city: 'Leeds', postcode: 'LS1 4BR', country: 'GB' },
    company: {
      legalName: 'Riverside Dental Practice Ltd',
      registrationNumber: '09876543',
      vatNumber: 'GB 123 4567 01',
      industry: 'Healthcare',
    },
    tags: ['maintenance-plan', 'priority'],
    notes: 'Surgery hours 8–6. Plant room key at reception.',
    contacts: [
      {
        fullName: 'Dr Helen Okafor',
        email: 'helen.okafor@riverside-dental.test',
        phone: '+44 113 496 0102',
        jobTitle: 'Practice Principal',
        tags: ['decision-maker'],
      },
      {
        fullName: 'Tom Reilly',
        email: 'tom.reilly@riverside-dental.test',
        phone: '+44 113 496 0103',
        jobTitle: 'Practice Manager',
      },
    ],
    communications: [
      {
        kind: 'call',
        direction: 'inbound',
        daysAgo: 1,
        contact: 1,
        durationMinutes: 9,
        subject: 'Compressor tripping',
        body: 'Tom reports the air compressor trips the breaker mid-morning. Asked for a visit this week.',
      },
      {
        kind: 'email',
        direction: 'outbound',
        daysAgo: 6,
        contact: 0,
        subject: 'Annual service quote',
        body: 'Sent the renewal quote for the annual maintenance plan.',
      },
      {
        kind: 'meeting',
        direction: 'outbound',
        daysAgo: 30,
        contact: 0,
        durationMinutes: 45,
        subject: 'Site survey',
        body: 'Walked the plant room with Dr Okafor; agreed to replace the extraction fan next quarter.',
      },
    ],
  },
  {
    kind: 'company',
    name: 'Kirkstall Bakehouse',
    branch: 'Leeds',
    email: 'hello@kirkstall-bakehouse.test',
    phone: '+44 113 496 0110',
    address: { line1: '3 Abbey Road', city: 'Leeds', postcode: 'LS5 3HS', country: 'GB' },
    company: { legalName: 'Kirkstall Bakehouse Co-operative', industry: 'Food and drink' },
    tags: ['commercial-kitchen'],
    contacts: [
      {
        fullName: 'Grace Whitfield',
        email: 'grace@kirkstall-bakehouse.test',
        phone: '+44 113 496 0111',
        jobTitle: 'Head Baker',
        tags: ['decision-maker'],
      },
    ],
    communications: [
      {
        kind: 'call',
        direction: 'outbound',
        daysAgo: 2,
        contact: 0,
        durationMinutes: 5,
        subject: 'Oven extraction booked',
        body: 'Confirmed Thursday 7am for the extraction hood clean before the morning bake.',
      },
      {
        kind: 'note',
        direction: 'internal',
        daysAgo: 12,
        subject: 'Access',
        body: 'Deliveries block the yard until 6:30; park on Abbey Road.',
      },
    ],
  },
  {
    kind: 'individual',
    name: 'Margaret Lindqvist',
    branch: 'Leeds',
    email: 'm.lindqvist@example.test',
    phone: '+44 113 496 0120',
    address: { line1: '27 Cardigan Road', city: 'Leeds', postcode: 'LS6 1LJ', country: 'GB' },
    tags: ['boiler', 'vulnerable-customer'],
    notes: 'Hard of hearing: text before arriving.',
    contacts: [],
    communications: [
      {
        kind: 'call',
        direction: 'inbound',
        daysAgo: 0,
        durationMinutes: 7,
        subject: 'No hot water',
        body: 'Boiler showing fault F28 since last night. Booked an urgent visit.',
      },
      {
        kind: 'email',
        direction: 'outbound',
        daysAgo: 40,
        subject: 'Service reminder',
        body: 'Reminder that the boiler service is due next month.',
      },
    ],
  },
  {
    kind: 'company',
    name: 'Headrow Lettings',
    branch: 'Leeds',
    email: 'maintenance@headrow-lettings.test',
    phone: '+44 113 496 0130',
    address: { line1: '88 The Headrow', city: 'Leeds', postcode: 'LS1 5JW', country: 'GB' },
    company: { legalName: 'Headrow Lettings LLP', vatNumber: 'GB 223 4567 02', industry: 'Property management' },
    tags: ['landlord', 'maintenance-plan'],
    contacts: [
      {
        fullName: 'Sanjay Mistry',
        email: 'sanjay@headrow-lettings.test',
        phone: '+44 113 496 0131',
        jobTitle: 'Maintenance Coordinator',
      },
      { fullName: 'Beth Carroll', email: 'beth@headrow-lettings.test', jobTitle: 'Accounts', tags: ['invoices'] },
    ],
    communications: [
      {
        kind: 'email',
        direction: 'inbound',
        daysAgo: 3,
        contact: 0,
        subject: 'Gas safety certificates',
        body: 'Sanjay asks for gas safety checks on six flats before the end of the month.',
      },
      {
        kind: 'email',
        direction: 'inbound',
        daysAgo: 15,
        contact: 1,
        subject: 'Invoice query',
        body: 'Beth asked for the PO number to be added to the September invoice.',
      },
    ],
  },
  {
    kind: 'company',
    name: 'Clifton Vale Care Home',
    branch: 'Bristol',
    email: 'estates@cliftonvale-care.test',
    phone: '+44 117 496 0201',
    address: { line1: '2 Vale Crescent', city: 'Bristol', postcode: 'BS8 4LP', country: 'GB' },
    company: { legalName: 'Clifton Vale Care Ltd', registrationNumber: '07654321', industry: 'Care' },
    tags: ['maintenance-plan', 'priority', '24h-access'],
    contacts: [
      {
        fullName: 'Joanna Pryce',
        email: 'joanna.pryce@cliftonvale-care.test',
        phone: '+44 117 496 0202',
        jobTitle: 'Estates Manager',
        tags: ['decision-maker'],
      },
      {
        fullName: 'Kwame Mensah',
        email: 'kwame.mensah@cliftonvale-care.test',
        phone: '+44 117 496 0203',
        jobTitle: 'Night Supervisor',
      },
    ],
    communications: [
      {
        kind: 'call',
        direction: 'inbound',
        daysAgo: 0,
        contact: 1,
        durationMinutes: 11,
        subject: 'Radiators cold in east wing',
        body: 'Night supervisor reports the east wing radiators are cold; residents moved to the lounge.',
      },
      {
        kind: 'meeting',
        direction: 'outbound',
        daysAgo: 21,
        contact: 0,
        durationMinutes: 60,
        subject: 'Quarterly review',
        body: 'Reviewed response times; agreed a 4-hour call-out for heating faults.',
      },
    ],
  },
  {
    kind: 'company',
    name: 'Harbourside Brewing',
    branch: 'Bristol',
    email: 'ops@harbourside-brewing.test',
    phone: '+44 117 496 0210',
    address: { line1: 'Unit 4, Canon’s Wharf', city: 'Bristol', postcode: 'BS1 5TX', country: 'GB' },
    company: { legalName: 'Harbourside Brewing Company Ltd', vatNumber: 'GB 323 4567 03', industry: 'Food and drink' },
    tags: ['commercial-kitchen'],
    contacts: [
      {
        fullName: 'Ollie Tremayne',
        email: 'ollie@harbourside-brewing.test',
        phone: '+44 117 496 0211',
        jobTitle: 'Head Brewer',
      },
    ],
    communications: [
      {
        kind: 'email',
        direction: 'outbound',
        daysAgo: 4,
        contact: 0,
        subject: 'Glycol chiller service',
        body: 'Proposed two dates for the chiller service outside brew days.',
      },
    ],
  },
  {
    kind: 'individual',
    name: 'Daniel Achterberg',
    branch: 'Bristol',
    email: 'dan.achterberg@example.test',
    phone: '+44 117 496 0220',
    address: { line1: '9 Gloucester Road', city: 'Bristol', postcode: 'BS7 8AA', country: 'GB' },
    tags: ['boiler'],
    contacts: [],
    communications: [
      {
        kind: 'call',
        direction: 'outbound',
        daysAgo: 9,
        durationMinutes: 4,
        subject: 'Quote follow-up',
        body: 'Called about the combi boiler replacement quote; he will decide next week.',
      },
    ],
  },
  {
    kind: 'company',
    name: 'St Werburgh’s Community Centre',
    branch: 'Bristol',
    email: 'bookings@stwerburghs-centre.test',
    phone: '+44 117 496 0230',
    address: { line1: '1 Mina Road', city: 'Bristol', postcode: 'BS2 9YT', country: 'GB' },
    company: { legalName: 'St Werburgh’s Community Association', industry: 'Charity' },
    tags: ['charity-rate'],
    contacts: [
      {
        fullName: 'Aisha Bello',
        email: 'aisha@stwerburghs-centre.test',
        phone: '+44 117 496 0231',
        jobTitle: 'Centre Coordinator',
      },
    ],
    communications: [
      {
        kind: 'note',
        direction: 'internal',
        daysAgo: 18,
        subject: 'Charity rate',
        body: 'Approved the 15% charity rate for labour.',
      },
    ],
  },
];

export const DEMO_TAX_POLICY = {
  name: 'UK VAT',
  pricing: 'exclusive' as const,
  rates: [
    { code: 'STD', name: 'Standard 20%', basisPoints: 2000 },
    { code: 'RED', name: 'Reduced 5%', basisPoints: 500 },
    { code: 'ZERO', name: 'Zero-rated', basisPoints: 0 },
  ],
  effectiveFrom: '2020-01-01',
};

export type DemoJobStatus = 'new' | 'scheduled' | 'in_progress' | 'completed' | 'invoiced' | 'cancelled';

export interface DemoJob {
  client: string;
  title: string;
  description: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  status: DemoJobStatus;
  /** Assigned to the demo agent (Leeds) when true. */
  agent: boolean;
  dueInDays?: number;
  /** A visit in the agent's (or owner's) calendar: days from today (weekends skipped), start hour, length. */
  visit?: { inDays: number; hour: number; hours: number };
  invoice?: {
    state: 'draft' | 'issued' | 'overdue' | 'paid';
    lines: Array<{ description: string; quantity: number; unitPriceMinor: number; taxCode: 'STD' | 'RED' | 'ZERO' }>;
  };
}

export const DEMO_JOBS: DemoJob[] = [
  {
    client: 'Margaret Lindqvist',
    title: 'No hot water: boiler fault F28',
    description: 'Combi boiler lockout F28 (ignition). Customer hard of hearing: text before arriving.',
    priority: 'urgent',
    status: 'scheduled',
    agent: true,
    dueInDays: 1,
    visit: { inDays: 0, hour: 14, hours: 2 },
  },
  {
    client: 'Riverside Dental Practice',
    title: 'Compressor tripping breaker',
    description: 'Air compressor trips the RCD mid-morning; check motor windings and start capacitor.',
    priority: 'high',
    status: 'scheduled',
    agent: true,
    dueInDays: 3,
    visit: { inDays: 1, hour: 8, hours: 2 },
  },
  {
    client: 'Kirkstall Bakehouse',
    title: 'Extraction hood deep clean',
    description: 'Quarterly grease clean of the oven extraction hood and ducting.',
    priority: 'normal',
    status: 'in_progress',
    agent: true,
    visit: { inDays: 0, hour: 7, hours: 3 },
  },
  {
    client: 'Headrow Lettings',
    title: 'Gas safety checks: six flats',
    description: 'CP12 inspections for flats 1–6, 88 The Headrow. Keys from the letting office.',
    priority: 'normal',
    status: 'new',
    agent: false,
    dueInDays: 9,
  },
  {
    client: 'Riverside Dental Practice',
    title: 'Annual plant room service',
    description: 'Service of the extraction fan, compressor and suction pump.',
    priority: 'normal',
    status: 'completed',
    agent: true,
    invoice: {
      state: 'draft',
      lines: [
        { description: 'Annual plant room service (labour)', quantity: 3.5, unitPriceMinor: 6500, taxCode: 'STD' },
        { description: 'Compressor filter kit', quantity: 1, unitPriceMinor: 4250, taxCode: 'STD' },
      ],
    },
  },
  {
    client: 'Kirkstall Bakehouse',
    title: 'Replace proving cabinet thermostat',
    description: 'Thermostat stuck at 45°C; replaced with a like-for-like unit.',
    priority: 'high',
    status: 'invoiced',
    agent: true,
    invoice: {
      state: 'paid',
      lines: [
        { description: 'Call-out and labour', quantity: 1.5, unitPriceMinor: 6500, taxCode: 'STD' },
        { description: 'Thermostat (Eliwell ID 974)', quantity: 1, unitPriceMinor: 8900, taxCode: 'STD' },
      ],
    },
  },
  {
    client: 'Clifton Vale Care Home',
    title: 'East wing radiators cold',
    description: 'Heating circuit 2 not circulating; suspect pump or airlock.',
    priority: 'urgent',
    status: 'new',
    agent: false,
    dueInDays: 0,
  },
  {
    client: 'Clifton Vale Care Home',
    title: 'Legionella risk assessment',
    description: 'Annual water system risk assessment and temperature log review.',
    priority: 'normal',
    status: 'invoiced',
    agent: false,
    invoice: {
      state: 'overdue',
      lines: [{ description: 'Legionella risk assessment', quantity: 1, unitPriceMinor: 39500, taxCode: 'STD' }],
    },
  },
  {
    client: 'Harbourside Brewing',
    title: 'Glycol chiller service',
    description: 'Service of the glycol chiller outside brew days.',
    priority: 'low',
    status: 'invoiced',
    agent: false,
    invoice: {
      state: 'issued',
      lines: [
        { description: 'Chiller service', quantity: 2, unitPriceMinor: 7200, taxCode: 'STD' },
        { description: 'Glycol top-up (25 l)', quantity: 1, unitPriceMinor: 6800, taxCode: 'STD' },
      ],
    },
  },
  {
    client: 'Daniel Achterberg',
    title: 'Combi boiler replacement quote visit',
    description: 'Customer decided to wait until spring.',
    priority: 'low',
    status: 'cancelled',
    agent: false,
  },
  {
    client: 'St Werburgh’s Community Centre',
    title: 'Hall lighting: replace emergency fittings',
    description: 'Six emergency lighting fittings failing the 3-hour test.',
    priority: 'normal',
    status: 'new',
    agent: false,
    dueInDays: 14,
  },
];
