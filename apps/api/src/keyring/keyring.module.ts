import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SubjectKeyEntity } from './entities/subject-key.entity.js';
import { KeyringService } from './keyring.service.js';
import { SubjectKeyRepository } from './subject-key.repository.js';

@Module({
  imports: [TypeOrmModule.forFeature([SubjectKeyEntity])],
  providers: [SubjectKeyRepository, KeyringService],
  exports: [KeyringService],
})
export class KeyringModule {}
