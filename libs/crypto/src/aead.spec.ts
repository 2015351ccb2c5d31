import { generateKey, open, seal } from './aead.js';
import { TamperedCiphertextError } from './crypto.errors.js';

describe('AES-256-GCM seal/open', () => {
  const key = generateKey();

  it('should round-trip a value when key and context match', () => {
    const sut = seal(key, Buffer.from('Ada Lovelace'), 'contacts.name|contact:1');
    expect(open(key, sut, 'contacts.name|contact:1').toString()).toBe('Ada Lovelace');
  });

  it('should never store the plaintext and never repeat a ciphertext', () => {
    const first = seal(key, Buffer.from('ada@example.test'), 'ctx');
    const second = seal(key, Buffer.from('ada@example.test'), 'ctx');
    expect(first.includes(Buffer.from('ada@example.test'))).toBe(false);
    expect(first.equals(second)).toBe(false);
  });

  it.each([
    ['a flipped ciphertext bit', (sealed: Buffer) => sealed.fill(sealed[sealed.length - 1] ^ 1, sealed.length - 1)],
    ['a flipped tag bit', (sealed: Buffer) => sealed.fill(sealed[14] ^ 1, 14, 15)],
    ['a truncated value', (sealed: Buffer) => sealed.subarray(0, 20)],
    ['an unknown version', (sealed: Buffer) => sealed.fill(9, 0, 1)],
  ])('should refuse %s', (_name, tamper) => {
    const sealed = Buffer.from(seal(key, Buffer.from('secret note'), 'ctx'));
    expect(() => open(key, tamper(sealed), 'ctx')).toThrow(TamperedCiphertextError);
  });

  it('should refuse a ciphertext moved to another field or subject', () => {
    const sealed = seal(key, Buffer.from('secret'), 'contacts.name|contact:1');
    expect(() => open(key, sealed, 'contacts.name|contact:2')).toThrow(TamperedCiphertextError);
  });

  it('should refuse a ciphertext under another key', () => {
    const sealed = seal(key, Buffer.from('secret'), 'ctx');
    expect(() => open(generateKey(), sealed, 'ctx')).toThrow(TamperedCiphertextError);
  });
});
