import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { NotPersonal } from '#personal-data';
import { TenantOwnedEntity } from '../../database/tenant-owned.entity.js';
import { OrganizationEntity } from './organization.entity.js';

/**
 * A key for an integration. The secret is shown once; only its SHA-256 is kept (it is 256
 * random bits, so a fast hash is safe). Found by its visible prefix.
 */
@Entity('api_keys')
// Deleting an organization (retention purge) deletes its rows.
@ForeignKey(() => OrganizationEntity, ['organizationId'], ['id'], {
  name: 'FK_a283bdef18876e525aefaec042f',
  onDelete: 'CASCADE',
})
@Index('IDX_api_keys_org', ['organizationId'])
// A request is authenticated by the key's prefix before the tenant is known: a plain index
// serves that lookup; uniqueness holds per organization (docs/operations.md, Citus).
@Index('UQ_api_keys_organization_prefix', ['organizationId', 'prefix'], { unique: true })
@Index('IDX_api_keys_prefix', ['prefix'])
export class ApiKeyEntity extends TenantOwnedEntity {
  @NotPersonal('label of an integration, e.g. "Accounting sync"')
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @NotPersonal('public part of the key, for lookup and recognition')
  @Column({ type: 'varchar', length: 20 })
  prefix: string;

  @NotPersonal('SHA-256 of the secret part')
  @Column({ name: 'secret_hash', type: 'varchar', length: 64 })
  secretHash: string;

  @NotPersonal('permissions granted, from the permission matrix')
  @Column({ type: 'varchar', length: 60, array: true })
  scopes: string[];

  @NotPersonal('the administrator who created it (user id)')
  @Column({ name: 'created_by_user_id', type: 'uuid' })
  createdByUserId: string;

  @NotPersonal('technical timestamp')
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @NotPersonal('technical timestamp')
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @NotPersonal('network address of the integration server calling the API')
  @Column({ name: 'last_used_ip', type: 'varchar', length: 45, nullable: true })
  lastUsedIp: string | null;

  @NotPersonal('technical timestamp')
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
