import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';

@Entity('subject_keys')
export class SubjectKeyEntity {
  @NotPersonal('pseudonymous handle "<kind>:<uuid>", meaningless without the subject tables')
  @PrimaryColumn({ name: 'subject_id', type: 'varchar', length: 120 })
  subjectId: string;

  @NotPersonal('key material wrapped by the master key; erased by crypto-shredding')
  @Column({ name: 'wrapped_key', type: 'bytea', nullable: true })
  wrappedKey: Buffer | null;

  @NotPersonal('public fingerprint of the wrapping master key')
  @Column({ name: 'master_key_fingerprint', type: 'varchar', length: 16 })
  masterKeyFingerprint: string;

  @NotPersonal('technical timestamp')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @NotPersonal('technical timestamp')
  @Column({ name: 'destroyed_at', type: 'timestamptz', nullable: true })
  destroyedAt: Date | null;
}
