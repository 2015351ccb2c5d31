import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type LoadedKeys, normalizeEmail, type SubjectRef } from '#crypto';
import { KeyringService } from '../keyring/keyring.service.js';

export type SubjectKindOfRecord = 'client' | 'contact' | 'user';

/** Longest word prefix indexed: a search word longer than this matches on its first 10 letters. */
const MAX_PREFIX = 10;
const MIN_WORD = 2;
const MIN_DIGITS = 4;

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
const wordsOf = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= MIN_WORD);

/**
 * Field encryption and search for CRM records. Each field is sealed under its data
 * subject's key (`client:<id>`, `contact:<id>`, or a staff member's `user:<id>`), with the
 * record field as associated data, so a ciphertext cannot be moved to another field or
 * record. Search never sees plaintext: words become keyed digests, per organization.
 */
@Injectable()
export class RecordCipher {
  private readonly searchKey: Buffer;

  constructor(private readonly keyring: KeyringService) {
    this.searchKey = keyring.deriveKey('crm-search-tokens');
  }

  subject(kind: SubjectKindOfRecord, id: string): SubjectRef {
    return { kind, id };
  }

  async seal(subject: SubjectRef, field: string, value: string | null | undefined): Promise<Buffer | null> {
    return value == null || value === '' ? null : this.keyring.keyRing.encrypt(subject, field, value);
  }

  async open(subject: SubjectRef, field: string, sealed: Buffer | null): Promise<string | null> {
    return sealed ? this.keyring.keyRing.decrypt(subject, field, sealed) : null;
  }

  /** Objects (addresses, company details) are sealed as one JSON value; empty ones as nothing. */
  async sealJson(subject: SubjectRef, field: string, value: object | null | undefined): Promise<Buffer | null> {
    const present = value && Object.values(value).some((part) => part != null && part !== '');
    return present ? this.keyring.keyRing.encrypt(subject, field, JSON.stringify(value)) : null;
  }

  async openJson<T>(subject: SubjectRef, field: string, sealed: Buffer | null): Promise<T | null> {
    return sealed ? (JSON.parse(await this.keyring.keyRing.decrypt(subject, field, sealed)) as T) : null;
  }

  /** One key lookup for a page of records instead of one per row. */
  preload(subjects: SubjectRef[]): Promise<void> {
    return this.keyring.keyRing.preload(subjects);
  }

  /**
   * The keys of some records' subjects, in one lookup, for opening their fields without
   * a promise per field: how lists and single records are turned into views.
   */
  keysFor(subjects: SubjectRef[]): Promise<LoadedKeys> {
    return this.keyring.keyRing.keysFor(subjects);
  }

  /** Crypto-shredding: every field sealed for the subject becomes unreadable, backups included. */
  shred(subject: SubjectRef): Promise<void> {
    return this.keyring.keyRing.destroy(subject);
  }

  emailIndex(email: string | null | undefined): string | null {
    return email ? this.keyring.blindIndex.compute('crm.email', email, normalizeEmail) : null;
  }

  /**
   * The digests stored with a record: every word (and its prefixes) of the given texts,
   * and the trailing digits of phone numbers.
   */
  searchTokens(
    organizationId: string,
    texts: Array<string | null | undefined>,
    phones: Array<string | null | undefined> = [],
  ) {
    const plain = new Set<string>();
    for (const text of texts) {
      for (const word of wordsOf(text ?? '')) {
        for (let length = MIN_WORD; length <= Math.min(word.length, MAX_PREFIX); length++) {
          plain.add(`w:${word.slice(0, length)}`);
        }
      }
    }
    for (const phone of phones) {
      const digits = (phone ?? '').replace(/\D+/g, '');
      for (let start = 0; start <= digits.length - MIN_DIGITS; start++) plain.add(`d:${digits.slice(start)}`);
    }
    return [...plain].map((token) => this.digest(organizationId, token));
  }

  /**
   * The digests a query must match, all of them: each word as a prefix, and a run of four
   * or more digits as the end of a phone number. Empty when the query has nothing searchable.
   */
  queryTokens(organizationId: string, query: string): string[] {
    const tokens = new Set<string>();
    const words = fold(query)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    // Groups of digits ("7946 0014") are one phone number: their run must end a stored number.
    const digits = words.filter((word) => /^\d+$/.test(word)).join('');
    if (digits.length >= MIN_DIGITS) tokens.add(`d:${digits}`);
    for (const word of words) {
      if (/^\d+$/.test(word) && digits.length >= MIN_DIGITS) continue;
      if (word.length >= MIN_WORD) tokens.add(`w:${word.slice(0, MAX_PREFIX)}`);
    }
    return [...tokens].map((token) => this.digest(organizationId, token));
  }

  private digest(organizationId: string, token: string): string {
    return createHmac('sha256', this.searchKey)
      .update(organizationId)
      .update('\u0000')
      .update(token)
      .digest('base64url')
      .slice(0, 16);
  }
}
