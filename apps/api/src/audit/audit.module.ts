import { Module, type OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '#personal-data';
import { IdentityModule } from '../identity/identity.module.js';
import { RetentionRules } from '../retention/retention-rules.service.js';
import { AuditController } from './audit.controller.js';
import { AuditPersonalData } from './audit.personal-data.js';
import { AuditRetentionRule } from './audit-retention-rule.js';
import { AuditTrailService } from './audit-trail.service.js';
import { AuditVerifier } from './audit-verifier.js';

/** Reading, exporting and verifying the trail; its personal-data provider. */
@Module({
  imports: [IdentityModule],
  controllers: [AuditController],
  providers: [AuditTrailService, AuditVerifier, AuditPersonalData, AuditRetentionRule],
  exports: [AuditVerifier],
})
export class AuditModule implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly personalData: AuditPersonalData,
    private readonly rules: RetentionRules,
    private readonly retentionRule: AuditRetentionRule,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.personalData);
    this.rules.register(this.retentionRule);
  }
}
