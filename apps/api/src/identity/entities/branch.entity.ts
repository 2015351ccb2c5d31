import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { NotPersonal } from '#personal-data';
import { OrganizationEntity } from './organization.entity.js';

@Entity('branches')
@Index('UQ_branches_organization_name', ['organizationId', 'name'], { unique: true })
export class BranchEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('tenant key')
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** Deleting an organization (retention purge) deletes its rows. */
  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @NotPersonal('name of an office or team, e.g. "Leeds"')
  @Column({ type: 'varchar', length: 120 })
  name: string;

  @NotPersonal('technical timestamp')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @NotPersonal('technical timestamp')
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @NotPersonal('optimistic concurrency counter')
  @VersionColumn()
  version: number;
}
