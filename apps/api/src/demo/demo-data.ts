import type { Role } from '../identity/identity.types.js';

/**
 * The demo organization `npm start` seeds: clearly fake people (the .test domain is
 * reserved and never delivers mail), one per role, so every screen has something in it.
 */
export const DEMO_ORGANIZATION = {
  name: 'Harbor & Pine Field Services (demo)',
  slug: 'harbor-pine-field-services-demo',
  branches: ['Leeds', 'Bristol'],
};

/** Published on purpose: SEED_DEMO is refused in production. */
export const DEMO_PASSWORD = 'harbor-pine-demo-2026';

export interface DemoUser {
  role: Role;
  fullName: string;
  email: string;
  jobTitle: string;
  branch?: 'Leeds' | 'Bristol';
}

export const DEMO_USERS: DemoUser[] = [
  { role: 'owner', fullName: 'Olivia Owens', email: 'owner@harbor-pine.test', jobTitle: 'Managing Director' },
  { role: 'admin', fullName: 'Adam Adeyemi', email: 'admin@harbor-pine.test', jobTitle: 'Operations Administrator' },
  {
    role: 'privacy_officer',
    fullName: 'Priya Patel',
    email: 'privacy@harbor-pine.test',
    jobTitle: 'Data Protection Officer',
  },
  {
    role: 'manager',
    fullName: 'Marcus Moreau',
    email: 'manager@harbor-pine.test',
    jobTitle: 'Branch Manager',
    branch: 'Leeds',
  },
  {
    role: 'agent',
    fullName: 'Ana Alves',
    email: 'agent@harbor-pine.test',
    jobTitle: 'Field Technician',
    branch: 'Leeds',
  },
  { role: 'viewer', fullName: 'Victor Vance', email: 'viewer@harbor-pine.test', jobTitle: 'Accountant' },
];
