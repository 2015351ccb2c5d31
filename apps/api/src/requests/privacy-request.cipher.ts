import { Injectable } from '@nestjs/common';
import { type LoadedKeys, normalizeEmail, type SubjectRef } from '#crypto';
import { KeyringService } from '../keyring/keyring.service.js';
import type { PrivacyRequestEntity } from './entities/privacy-request.entity.js';

export type SealedField =
  | 'email'
  | 'name'
  | 'message'
  | 'identityCheck'
  | 'extensionReason'
  | 'rejectionReason'
  | 'corrections';

/**
 * Seals what a request says about its requester under the request's own data key
 * (`privacy_request:<id>`): the requester may be nobody the organization knows, and their
 * details must not outlive the request's retention. The email gets a blind index so
 * requests by the same address are found without decrypting.
 */
@Injectable()
export class PrivacyRequestCipher {
  constructor(private readonly keyring: KeyringService) {}

  subject(requestId: string): SubjectRef {
    return { kind: 'privacy_request', id: requestId };
  }

  emailIndex(email: string): string {
    return this.keyring.blindIndex.compute('privacy-requests.email', email, normalizeEmail);
  }

  async seal(requestId: string, field: SealedField, value: string | null | undefined): Promise<Buffer | null> {
    if (value == null || value === '') return null;
    return this.keyring.keyRing.encrypt(this.subject(requestId), `privacy_requests.${field}`, value);
  }

  keysFor(requests: Array<Pick<PrivacyRequestEntity, 'id'>>): Promise<LoadedKeys> {
    return this.keyring.keyRing.keysFor(requests.map((request) => this.subject(request.id)));
  }

  /** Opens a field with keys from `keysFor`; null when empty or when the key is gone. */
  open(keys: LoadedKeys, requestId: string, field: SealedField, sealed: Buffer | null): string | null {
    if (!sealed) return null;
    try {
      return keys.decrypt(this.subject(requestId), `privacy_requests.${field}`, sealed);
    } catch {
      return null;
    }
  }
}
