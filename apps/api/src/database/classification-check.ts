import type { DataSource } from 'typeorm';
import { getFieldClassification } from '#personal-data';

export interface ColumnFinding {
  table: string;
  column: string;
  problem: 'unclassified' | 'unregistered-category';
  category?: string;
}

/**
 * Every column of every entity must be classified as personal (with a registered
 * category) or not personal. A new personal field cannot slip in without deciding
 * how it is exported, erased and retained.
 */
export function checkColumnClassification(dataSource: DataSource, registeredCategories: string[]): ColumnFinding[] {
  const findings: ColumnFinding[] = [];
  for (const entity of dataSource.entityMetadatas) {
    for (const column of entity.columns) {
      const classification = getFieldClassification(entity.target as Function, column.propertyName);
      const where = { table: entity.tableName, column: column.databaseName };
      if (!classification) findings.push({ ...where, problem: 'unclassified' });
      else if (classification.personal && !registeredCategories.includes(classification.category)) {
        findings.push({ ...where, problem: 'unregistered-category', category: classification.category });
      }
    }
  }
  return findings;
}
