import { CreateDateColumn, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';

/** Creation and change times and the optimistic-concurrency counter every record carries. */
export abstract class VersionedEntity {
  @NotPersonal('technical timestamp')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @NotPersonal('technical timestamp')
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @NotPersonal('optimistic concurrency counter: a stale write is refused with 409')
  @VersionColumn()
  version: number;
}

/**
 * A row that belongs to one organization: repositories always filter by `organizationId`.
 * Its primary key is (organization_id, id), so every key a sharded PostgreSQL distributed
 * by organization_id needs carries the tenant (docs/operations.md "From one PostgreSQL to
 * read replicas to Citus").
 */
export abstract class TenantOwnedEntity extends VersionedEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;
}
