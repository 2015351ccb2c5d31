export {
  type FieldClassification,
  getFieldClassification,
  NotPersonal,
  PersonalField,
} from './classification.js';
export { DuplicateCategoryError, PersonalDataRegistry, type SubjectExport } from './personal-data.registry.js';
export type {
  DataCategory,
  DataSubject,
  ErasureContext,
  ErasureMode,
  ErasureReceipt,
  ErasureStep,
  ExportRecord,
  FieldDescription,
  LawfulBasis,
  PersonalDataProvider,
  RetentionRule,
  SubjectKind,
} from './personal-data.types.js';
