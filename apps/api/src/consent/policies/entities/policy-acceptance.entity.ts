import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonal, PersonalField } from '#personal-data';
import { PolicyVersionEntity } from './policy-version.entity.js';

export const POLICY_ACCEPTANCES = 'consent.policy-acceptances';

/** A user accepted a published version of the platform policy: who, which version, when. */
@Entity('policy_acceptances')
@Index('UQ_policy_acceptances_user_number', ['organizationId', 'userId', 'number'], { unique: true })
@Index('IDX_policy_acceptances_organization_user', ['organizationId', 'userId'])
@Index('IDX_policy_acceptances_version', ['policyVersionId'])
export class PolicyAcceptanceEntity {
  @NotPersonal('surrogate key')
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('the account that accepted; the row goes with the user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @NotPersonal('the version accepted')
  @Column({ name: 'policy_version_id', type: 'uuid' })
  policyVersionId: string;

  @ManyToOne(() => PolicyVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_version_id', foreignKeyConstraintName: 'FK_policy_acceptances_version' })
  policyVersion?: PolicyVersionEntity;

  @NotPersonal('version number accepted')
  @Column({ type: 'integer' })
  number: number;

  @PersonalField(POLICY_ACCEPTANCES)
  @Column({ name: 'accepted_at', type: 'timestamptz' })
  acceptedAt: Date;
}
