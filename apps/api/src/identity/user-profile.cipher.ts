import { Injectable } from '@nestjs/common';
import { normalizeEmail } from '#crypto';
import { KeyringService } from '../keyring/keyring.service.js';
import type { UserEntity } from './entities/user.entity.js';

export interface UserProfile {
  email: string;
  fullName: string;
  phone: string | null;
  jobTitle: string | null;
  company: string | null;
}

type SealedProfile = Pick<
  UserEntity,
  'emailIndex' | 'emailEnc' | 'fullNameEnc' | 'phoneEnc' | 'jobTitleEnc' | 'companyEnc'
>;

const FIELDS = [
  ['email', 'emailEnc'],
  ['fullName', 'fullNameEnc'],
  ['phone', 'phoneEnc'],
  ['jobTitle', 'jobTitleEnc'],
  ['company', 'companyEnc'],
] as const;

/** Seals a user's profile under the user's own data key, and opens it again. */
@Injectable()
export class UserProfileCipher {
  constructor(private readonly keyring: KeyringService) {}

  emailIndex(email: string): string {
    return this.keyring.blindIndex.compute('users.email', email, normalizeEmail);
  }

  async seal(userId: string, profile: UserProfile): Promise<SealedProfile> {
    const subject = { kind: 'user', id: userId };
    const sealed = { emailIndex: this.emailIndex(profile.email) } as SealedProfile;
    for (const [field, column] of FIELDS) {
      const value = field === 'email' ? normalizeEmail(profile.email) : profile[field];
      sealed[column] = (
        value == null ? null : await this.keyring.keyRing.encrypt(subject, `users.${field}`, value)
      ) as Buffer;
    }
    return sealed;
  }

  async open(user: UserEntity): Promise<UserProfile> {
    const subject = { kind: 'user', id: user.id };
    const profile = {} as UserProfile;
    for (const [field, column] of FIELDS) {
      const sealed = user[column];
      profile[field] = (
        sealed ? await this.keyring.keyRing.decrypt(subject, `users.${field}`, sealed) : null
      ) as string;
    }
    return profile;
  }

  /** Only the names of many users: one batch of key lookups, then synchronous decryption. */
  async names(users: Array<Pick<UserEntity, 'id' | 'fullNameEnc'>>): Promise<Map<string, string>> {
    const keys = await this.keyring.keyRing.keysFor(users.map((user) => ({ kind: 'user', id: user.id })));
    const names = new Map<string, string>();
    for (const user of users) {
      names.set(user.id, keys.decrypt({ kind: 'user', id: user.id }, 'users.fullName', user.fullNameEnc));
    }
    return names;
  }

  /** The new address of a pending email change, sealed for the link's row. */
  sealPendingEmail(userId: string, email: string): Promise<Buffer> {
    return this.keyring.keyRing.encrypt({ kind: 'user', id: userId }, 'one_time_tokens.payload', normalizeEmail(email));
  }

  openPendingEmail(userId: string, sealed: Buffer): Promise<string> {
    return this.keyring.keyRing.decrypt({ kind: 'user', id: userId }, 'one_time_tokens.payload', sealed);
  }

  /** Crypto-shredding: the profile becomes unreadable everywhere, backups included. */
  shred(userId: string): Promise<void> {
    return this.keyring.keyRing.destroy({ kind: 'user', id: userId });
  }
}
