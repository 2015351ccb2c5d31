import { Injectable } from '@nestjs/common';
import { KeyDestroyedError, type SubjectRef } from '#crypto';
import type { Address } from '../crm.types.js';
import { RecordCipher } from '../record-cipher.js';
import type { BilledClient } from './billed-records.repository.js';

/** Who an invoice is addressed to, copied from the client when it is created and issued. */
export interface BillTo {
  name: string;
  email: string | null;
  address: Address | null;
}

const FIELD = 'invoices.billTo';
const ID_BYTES = 16;

const uuidToBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const bytesToUuid = (bytes: Buffer) =>
  bytes.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/**
 * Seals and opens the bill-to copy of an invoice under the client's key (`client:<id>`),
 * so erasing the client shreds it. The stored value starts with the client's id: deleting
 * a client clears the invoice's `client_id` (the invoice stays, as the law requires), and
 * the copy must still be readable afterwards. The id is no secret; the copy is.
 */
@Injectable()
export class BillToCipher {
  constructor(private readonly cipher: RecordCipher) {}

  /** The client's name, email and address, decrypted as the clients area seals them. */
  async fromClient(client: BilledClient): Promise<BillTo> {
    const subject = this.subject(client.id);
    return {
      name: (await this.cipher.open(subject, 'clients.name', client.nameEnc)) as string,
      email: await this.cipher.open(subject, 'clients.email', client.emailEnc),
      address: await this.cipher.openJson<Address>(subject, 'clients.address', client.addressEnc),
    };
  }

  async seal(clientId: string, billTo: BillTo): Promise<Buffer> {
    const sealed = (await this.cipher.sealJson(this.subject(clientId), FIELD, billTo)) as Buffer;
    return Buffer.concat([uuidToBytes(clientId), sealed]);
  }

  /** Null when there is none, or when the client's key was shredded (an erasure outside the registry's order). */
  async open(stored: Buffer | null): Promise<BillTo | null> {
    if (!stored) return null;
    try {
      return await this.cipher.openJson<BillTo>(
        this.subject(this.clientIdOf(stored)),
        FIELD,
        stored.subarray(ID_BYTES),
      );
    } catch (error) {
      if (error instanceof KeyDestroyedError) return null;
      throw error;
    }
  }

  /** The subjects whose keys a page of invoices needs, for RecordCipher.preload. */
  subjectsOf(stored: Array<Buffer | null>): SubjectRef[] {
    return stored
      .filter((value): value is Buffer => value !== null)
      .map((value) => this.subject(this.clientIdOf(value)));
  }

  private clientIdOf(stored: Buffer): string {
    return bytesToUuid(stored.subarray(0, ID_BYTES));
  }

  private subject(clientId: string): SubjectRef {
    return this.cipher.subject('client', clientId);
  }
}
