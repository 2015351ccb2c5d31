export { generateKey, open, seal } from './aead.js';
export { BlindIndex, type Normalizer, normalizeEmail } from './blind-index.js';
export { KeyDestroyedError, MasterKeyError, TamperedCiphertextError } from './crypto.errors.js';
export { KeyRing, LoadedKeys, type SubjectRef, subjectKeyId } from './key-ring.js';
export { MasterKey } from './master-key.js';
export { type StoredSubjectKey, SubjectKeyStore } from './subject-key-store.js';
