import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { open, seal } from '#crypto';
import { KeyringService } from '../keyring/keyring.service.js';

export type SecretSlot = 'current' | 'previous';

/**
 * Endpoint signing secrets: `whsec_` and 32 random bytes in base64, as Standard Webhooks
 * libraries read them. They are needed in clear to sign, so they are sealed (AES-256-GCM under
 * a key derived from the master key), never hashed; the additional data binds a ciphertext to
 * its endpoint and slot, so a sealed secret copied to another endpoint does not open.
 */
@Injectable()
export class WebhookSecrets {
  private readonly key: Buffer;

  constructor(keyring: KeyringService) {
    this.key = keyring.deriveKey('webhook-endpoint-secrets');
  }

  generate(): string {
    return `whsec_${randomBytes(32).toString('base64')}`;
  }

  seal(endpointId: string, slot: SecretSlot, secret: string): Buffer {
    return seal(this.key, Buffer.from(secret, 'utf8'), aad(endpointId, slot));
  }

  open(endpointId: string, slot: SecretSlot, sealed: Buffer): string {
    return open(this.key, sealed, aad(endpointId, slot)).toString('utf8');
  }

  /** The `webhook-signature` header: one `v1,…` signature per secret, space-separated. */
  sign(secrets: string[], messageId: string, at: Date, body: string): string {
    return secrets.map((secret) => new Webhook(secret).sign(messageId, at, body)).join(' ');
  }
}

const aad = (endpointId: string, slot: SecretSlot) => `webhook_endpoints.${slot}_secret:${endpointId}`;
