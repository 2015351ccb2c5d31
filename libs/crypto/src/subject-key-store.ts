/** A subject's data key as stored: wrapped by the master key, or destroyed. */
export interface StoredSubjectKey {
  subjectId: string;
  /** Null once destroyed. */
  wrappedKey: Buffer | null;
  masterKeyFingerprint: string;
  destroyedAt: Date | null;
}

/**
 * Persistence for wrapped data keys. The API implements it with a repository; the
 * abstract class doubles as the injection token.
 */
export abstract class SubjectKeyStore {
  abstract find(subjectId: string): Promise<StoredSubjectKey | null>;
  /** Several keys in one round trip (a page of records); missing ids are simply absent. */
  abstract findMany(subjectIds: string[]): Promise<StoredSubjectKey[]>;
  /** Inserts the key unless one exists for the subject; returns whichever is stored. */
  abstract insertIfAbsent(key: StoredSubjectKey): Promise<StoredSubjectKey>;
  /** Overwrites the wrapped key with nothing. Idempotent. */
  abstract destroy(subjectId: string, at: Date): Promise<void>;
}
