import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ProductCheck } from './verify.js';

/** Bumped whenever the generator changes what it writes: a manifest of another format means "seed again". */
export const SEED_FORMAT = 2; // 2: the plaintext twin of the contacts (schema bench_plain)

export interface SeedOptions {
  seed: number;
  contacts: number;
  communications: number;
  audit: number;
  jobs: number;
  quick: boolean;
}

/**
 * What the runner needs to know about a seeded database (`bench/.data/manifest.json`,
 * gitignored): how to reach it, who to sign in as, sample ids and values for the
 * scenarios, how many rows of each kind, and how long each phase took.
 */
export interface Manifest {
  format: number;
  options: SeedOptions;
  databaseUrl: string;
  masterKey: string;
  /** Environment the product must run with to read this tenant (also used by the seed's own check). */
  productEnv: Record<string, string>;
  organizationId: string;
  organizationSlug: string;
  branchIds: string[];
  owner: { email: string; password: string };
  /** A branch-scoped manager and agent (same password), for scenarios that need one. */
  staff: { manager: string; agent: string; password: string };
  counts: Record<string, number>;
  samples: {
    /** A contact with a long communication timeline. */
    contactIdLongTimeline: string;
    longTimelineCommunications: number;
    clientId: string;
    /** A word matching a few hundred contacts (names and emails), and how many it matches. */
    searchWord: string;
    searchMatches: number;
    tag: string;
    tagMatches: number;
    branchId: string;
    branchName: string;
    branchMatches: number;
    /** Jobs in status `new`, version 1, one id per line, oldest first: each takes one new → scheduled. */
    jobIdsNewFile: string;
    jobIdsNewCount: number;
    jobIdNew: string;
    invoiceId: string | null;
  };
  /** Seconds per phase, in order. */
  phases: Record<string, number>;
  totalSeconds: number;
  seededAt: string;
  verification: ProductCheck[];
}

export function writeManifest(path: string, manifest: Manifest): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

export function readManifest(path: string): Manifest | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : null;
}
