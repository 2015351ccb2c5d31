import type { DeepPartial, ObjectLiteral, Repository } from 'typeorm';

/**
 * Inserts a new row and returns its entity with the columns the database filled in
 * (id, timestamps, version, defaults) from `INSERT … RETURNING`. Unlike `save()`, it does
 * not first SELECT an entity whose id is already set to choose between INSERT and UPDATE:
 * one round trip less inside every create's transaction, and far less TypeORM work.
 */
export async function insertEntity<Entity extends ObjectLiteral>(
  repository: Repository<Entity>,
  values: NoInfer<DeepPartial<Entity>>,
): Promise<Entity> {
  const entity = repository.create(values);
  await repository.insert(entity as Parameters<Repository<Entity>['insert']>[0]);
  // Columns with a default came back through RETURNING; the rest were stored as NULL.
  for (const column of repository.metadata.columns) {
    if (column.getEntityValue(entity) === undefined) column.setEntityValue(entity, null);
  }
  return entity;
}
