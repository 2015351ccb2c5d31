/** Whitespace-separated words, so long lists stay readable. */
const words = (text: string): string[] => text.trim().split(/\s+/);

/**
 * Words the generator builds clearly fictional records from: names, places, trades. Phone
 * numbers use Ofcom's drama ranges and emails the reserved `.example` domain, so nothing
 * seeded can reach a real person.
 */

export const FIRST_NAMES: readonly string[] = words(`
  Oliver Amelia George Isla Harry Ava Noah Mia Jack Ivy Leo Lily Arthur Isabella Muhammad Rosie Oscar Sophia
  Charlie Grace Henry Willow Thomas Freya Archie Florence Theo Emily Alfie Ella Joshua Poppy James Evie
  William Elsie Freddie Charlotte Isaac Evelyn Finley Sienna Edward Daisy Lucas Phoebe Samuel Ruby Daniel
  Alice Adam Matilda Jacob Harper Max Emilia Benjamin Millie Reuben Eliza Elijah Bonnie Sebastian Aria Ethan
  Maeve Harrison Violet Mason Layla Dylan Hannah Logan Zara Tobias Imogen Rory Nancy Jude Hallie Ezra Olivia
  Ronan Margot Kai Beatrice Felix Orla Ibrahim Aisha Yusuf Priya Arjun Niamh Callum Ffion Dafydd Siobhan
  Declan Morag Fraser Eilidh Nathan Chloe Ryan Megan Owen Bethan Lewis Kirsty Aaron Jade Kieran Leah Connor
  Abigail
`);

/**
 * Surnames in rough order of frequency: the generator draws them with a long tail, so some
 * match thousands of contacts and most a few hundred or fewer (the search sample picks one).
 */
export const SURNAMES: readonly string[] = words(`
  Smith Jones Taylor Brown Williams Wilson Johnson Davies Patel Robinson Wright Thompson Evans Walker White
  Roberts Green Hall Thomas Clarke Jackson Wood Harris Edwards Turner Martin Cooper Hill Ward Hughes Moore
  Clark King Harrison Lewis Baker Lee Allen Morris Khan Scott Watson Davis Parker James Bennett Young Phillips
  Richardson Mitchell Bailey Carter Cook Singh Shaw Bell Collins Morgan Kelly Begum Miller Cox Hussain
  Marshall Simpson Price Anderson Adams Wilkinson Ali Ahmed Foster Ellis Murphy Chapman Mason Gray Richards
  Webb Griffiths Hunt Palmer Campbell Holmes Mills Rogers Barnes Knight Matthews Barker Powell Stevens Kaur
  Fisher Butler Dixon Russell Harvey Pearson Graham Fletcher Gibson Lloyd Howard Reid Ferguson Hamilton Murray
  Stewart MacDonald Fraser Quinn Doherty Gallagher Byrne Kennedy Sullivan Duffy Nolan Kaye Ashworth Pemberton
  Ramsbottom Thistlewood Fairbairn Okafor Adeyemi Mensah Nowak Kowalski Novak Rossi Ferreira Silva Costa
  Lindqvist Okonkwo Chowdhury Rahman Mistry Varga Horvath Dunmore Blackwood Whitlock Sowerby Ingleby Hartley
  Crossley Oddie Tennant Brackenbury Winterbottom Featherstone Cholmondeley Postlethwaite Loveday Penhaligon
  Trevithick Polglase Pengelly Rundle
`);

export const BRANCHES = [
  { name: 'Leeds', area: '0113 496', postcode: 'LS' },
  { name: 'Manchester', area: '0161 496', postcode: 'M' },
  { name: 'Bristol', area: '0117 496', postcode: 'BS' },
  { name: 'Glasgow', area: '0141 496', postcode: 'G' },
  { name: 'Birmingham', area: '0121 496', postcode: 'B' },
  { name: 'Cardiff', area: '029 2018', postcode: 'CF' },
  { name: 'Newcastle', area: '0191 498', postcode: 'NE' },
  { name: 'Sheffield', area: '0114 496', postcode: 'S' },
  { name: 'Nottingham', area: '0115 496', postcode: 'NG' },
  { name: 'London', area: '020 7946', postcode: 'EC' },
] as const;

export const TOWNS: Record<string, readonly string[]> = {
  Leeds: ['Leeds', 'Harrogate', 'Wakefield', 'Otley', 'Wetherby'],
  Manchester: ['Manchester', 'Salford', 'Stockport', 'Bolton', 'Oldham'],
  Bristol: ['Bristol', 'Bath', 'Weston-super-Mare', 'Clevedon', 'Keynsham'],
  Glasgow: ['Glasgow', 'Paisley', 'Hamilton', 'Motherwell', 'Clydebank'],
  Birmingham: ['Birmingham', 'Solihull', 'Sutton Coldfield', 'Dudley', 'Walsall'],
  Cardiff: ['Cardiff', 'Penarth', 'Barry', 'Caerphilly', 'Pontypridd'],
  Newcastle: ['Newcastle upon Tyne', 'Gateshead', 'Sunderland', 'Tynemouth', 'Morpeth'],
  Sheffield: ['Sheffield', 'Rotherham', 'Barnsley', 'Chesterfield', 'Hathersage'],
  Nottingham: ['Nottingham', 'Beeston', 'Arnold', 'Mansfield', 'Newark'],
  London: ['London', 'Croydon', 'Hackney', 'Islington', 'Richmond'],
};

export const STREETS = [
  'High Street',
  'Station Road',
  'Church Lane',
  'Mill Lane',
  'Victoria Road',
  'Park Avenue',
  'Green Lane',
  'Manor Road',
  'Kings Road',
  'Queen Street',
  'New Street',
  'Albert Road',
  'The Crescent',
  'Chapel Street',
  'Oak Avenue',
  'Orchard Way',
  'Canal Side',
  'Market Place',
  'Bridge Street',
  'York Road',
  'Quarry Hill',
  'Elm Grove',
  'Willow Close',
  'Riverside Walk',
  'Foundry Lane',
] as const;

export const JOB_TITLES = [
  'Facilities Manager',
  'Office Manager',
  'Operations Director',
  'Finance Director',
  'Managing Director',
  'Property Manager',
  'Site Supervisor',
  'Procurement Officer',
  'Estates Coordinator',
  'Building Services Lead',
  'Accounts Payable Clerk',
  'Head of Maintenance',
  'Health and Safety Officer',
  'Landlord',
  'Homeowner',
  'Tenant Liaison',
  'Caretaker',
  'Practice Manager',
  'School Business Manager',
  'Store Manager',
] as const;

export const COMPANY_WORDS: readonly string[] = words(`
  Riverside Northgate Harbour Oakfield Pennine Kestrel Meridian Granite Thornbury Larkspur Beacon Cobalt Heron
  Whitestone Fernhill Ashdown Millbrook Redwood Castlegate Summit Brightwater Foxglove Ironbridge Juniper
  Saltaire Moorland Eastwood Copperfield Hollybush Westbury
`);

export const COMPANY_KINDS = [
  ['Property Management', 'Real estate'],
  ['Dental Practice', 'Healthcare'],
  ['Primary School', 'Education'],
  ['Lettings', 'Real estate'],
  ['Hotel', 'Hospitality'],
  ['Care Home', 'Healthcare'],
  ['Bakery', 'Food'],
  ['Garage', 'Automotive'],
  ['Housing Association', 'Social housing'],
  ['Leisure Centre', 'Leisure'],
  ['Veterinary Surgery', 'Healthcare'],
  ['Coffee House', 'Hospitality'],
] as const;

export const LEGAL_SUFFIXES = ['Ltd', 'Limited', 'LLP', 'plc', 'Ltd', 'Ltd'] as const;

/** Tags with how common they are: the filter sample picks one matching a few percent of contacts. */
export const TAGS: ReadonlyArray<readonly [string, number]> = [
  ['newsletter', 30],
  ['maintenance-plan', 18],
  ['landlord', 12],
  ['commercial', 10],
  ['priority', 6],
  ['vip', 3],
  ['late-payer', 2],
  ['referral', 4],
  ['warranty', 5],
  ['trade', 3],
];

export const CLIENT_TAGS: ReadonlyArray<readonly [string, number]> = [
  ['maintenance-plan', 20],
  ['commercial', 15],
  ['residential', 25],
  ['key-account', 3],
  ['late-payer', 2],
  ['public-sector', 4],
];

export const COMMUNICATION_SUBJECTS = {
  call: [
    'Called about the boiler service',
    'Follow-up call on the quote',
    'Asked to move the visit',
    'Call about access to the site',
    'Missed call returned',
    'Chased the outstanding invoice',
    'Confirmed the engineer is on the way',
  ],
  email: [
    'Quote for the bathroom refit',
    'Your visit on Thursday',
    'Invoice attached',
    'Annual service reminder',
    'Photos of the damp patch',
    'Re: access arrangements',
    'Thank you for your payment',
    'Updated certificate',
  ],
  meeting: [
    'Site survey',
    'Quarterly account review',
    'Walk-round with the facilities team',
    'Handover meeting',
    'Planning the summer shutdown works',
  ],
  note: [
    'Key safe code changed',
    'Prefers morning appointments',
    'Dog on site: call ahead',
    'Parking at the rear entrance',
    'Asked for paper invoices',
    'Contract renewal due in spring',
  ],
} as const;

export const SENTENCES = [
  'The customer reported a drop in boiler pressure over the weekend.',
  'We agreed to send an engineer within two working days.',
  'Access is through the side gate; the code is in the key safe note.',
  'They asked for the quote to be split into labour and materials.',
  'The radiator in the back bedroom is still cold at the top.',
  'Payment will follow once the purchase order is approved.',
  'The tenant will be at home after three in the afternoon.',
  'We discussed moving the annual service to the autumn.',
  'Photos of the leak under the sink were sent by email.',
  'The facilities team wants a single invoice per site.',
  'The extractor fan in the kitchen is noisy and needs replacing.',
  'They were happy with the last visit and left a review.',
  'A second quote was requested for the roof repair.',
  'The landlord must approve any work above five hundred pounds.',
  'Parts are on order and should arrive by Friday.',
  'The smoke alarms were tested and two batteries replaced.',
  'They would like a reminder call the day before each visit.',
  'The gas safety certificate expires at the end of the month.',
  'We explained the difference between the two service plans.',
  'The school is closed during half term, so works can start then.',
] as const;

export const JOB_TITLES_OF_WORK = [
  'Annual boiler service',
  'Leaking tap in kitchen',
  'Replace bathroom extractor fan',
  'Gas safety inspection',
  'Fit new radiator valves',
  'Unblock drains at the rear',
  'Electrical installation condition report',
  'Repair storm damage to gutter',
  'Install outside tap',
  'Power-flush central heating',
  'Replace consumer unit',
  'Fix dripping overflow',
  'Service air conditioning units',
  'Repaint stairwell after damp treatment',
  'Emergency call-out: no hot water',
] as const;

export const INVOICE_LINES = [
  ['Labour (per hour)', 6500],
  ['Call-out charge', 4500],
  ['Boiler service', 8900],
  ['Parts and materials', 3250],
  ['Radiator valve', 1850],
  ['Consumer unit', 21500],
  ['Safety certificate', 6000],
  ['Drain jetting', 12000],
  ['Disposal of old parts', 2500],
] as const;

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0',
  'steward-integration/1.4 (+https://partner.example)',
] as const;
