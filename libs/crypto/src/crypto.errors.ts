/** The ciphertext was altered, truncated, moved to another field, or sealed under another key. */
export class TamperedCiphertextError extends Error {
  constructor() {
    super('Ciphertext failed authentication');
    this.name = 'TamperedCiphertextError';
  }
}

/** The subject's data key was destroyed (crypto-shredding): its data can no longer be read. */
export class KeyDestroyedError extends Error {
  constructor(readonly subjectId: string) {
    super('The data key of this subject has been destroyed');
    this.name = 'KeyDestroyedError';
  }
}

export class MasterKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MasterKeyError';
  }
}
