import { SubjectKeyEntity } from '../keyring/entities/subject-key.entity.js';

/** Every TypeORM entity, in one list the data source, the migrations check and tests share. */
export const ENTITIES = [SubjectKeyEntity];
