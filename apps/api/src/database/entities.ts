import { ApiKeyEntity } from '../identity/entities/api-key.entity.js';
import { BranchEntity } from '../identity/entities/branch.entity.js';
import { OneTimeTokenEntity } from '../identity/entities/one-time-token.entity.js';
import { OrganizationEntity } from '../identity/entities/organization.entity.js';
import { SessionEntity } from '../identity/entities/session.entity.js';
import { SignInAttemptEntity } from '../identity/entities/sign-in-attempt.entity.js';
import { UserEntity } from '../identity/entities/user.entity.js';
import { SubjectKeyEntity } from '../keyring/entities/subject-key.entity.js';

/** Every TypeORM entity, in one list the data source, the migrations check and tests share. */
export const ENTITIES = [
  SubjectKeyEntity,
  OrganizationEntity,
  BranchEntity,
  UserEntity,
  SessionEntity,
  SignInAttemptEntity,
  OneTimeTokenEntity,
  ApiKeyEntity,
];
