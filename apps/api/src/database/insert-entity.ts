import { isDeepStrictEqual } from 'node:util';
import type { DeepPartial, EntityMetadata, ObjectLiteral, Repository } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/**
 * The statement `insert()` sends for one shape of entity (which columns hold a value), with
 * the columns its parameters come from, in order, and the columns RETURNING gives back.
 */
interface InsertPlan {
  sql: string;
  parameters: ColumnMetadata[];
  returning: ColumnMetadata[];
}

/** Per entity, per shape: a plan, or null where the statement did not map (TypeORM's path then). */
const plans = new WeakMap<EntityMetadata, Map<string, InsertPlan | null>>();

/**
 * Inserts a new row and returns its entity with the columns the database filled in
 * (id, timestamps, version, defaults) from `INSERT … RETURNING`. Unlike `save()`, it does
 * not first SELECT an entity whose id is already set to choose between INSERT and UPDATE:
 * one round trip less inside every create's transaction, and far less TypeORM work.
 *
 * The first insert of each shape goes through TypeORM's `insert()`, and the statement it
 * builds is kept with the columns behind its parameters (checked against TypeORM's own
 * parameters); later inserts of that shape send the same text with their values converted
 * by the driver as TypeORM converts them, and read RETURNING back as TypeORM does: building the
 * statement cost more than the rest of a create's TypeORM work (issue 19). Entities with
 * insert listeners or subscribers always take TypeORM's path.
 */
export async function insertEntity<Entity extends ObjectLiteral>(
  repository: Repository<Entity>,
  values: NoInfer<DeepPartial<Entity>>,
): Promise<Entity> {
  const entity = repository.create(values);
  const { metadata } = repository;
  const plan = planFor(repository, entity);
  if (plan) {
    const driver = metadata.connection.driver;
    const parameters = plan.parameters.map((column) =>
      driver.preparePersistentValue(column.getEntityValue(entity), column),
    );
    const [row] = (await repository.query(plan.sql, parameters)) as Array<Record<string, unknown>>;
    // As TypeORM merges RETURNING (PostgresDriver.createGeneratedMap): the driver's values as they come.
    for (const column of plan.returning) column.setEntityValue(entity, row[column.databaseName]);
  } else {
    await repository.insert(entity as Parameters<Repository<Entity>['insert']>[0]);
  }
  // Columns with a default came back through RETURNING; the rest were stored as NULL.
  for (const column of metadata.columns) {
    if (column.getEntityValue(entity) === undefined) column.setEntityValue(entity, null);
  }
  return entity;
}

function planFor<Entity extends ObjectLiteral>(repository: Repository<Entity>, entity: Entity): InsertPlan | null {
  const { metadata } = repository;
  if (hasInsertHooks(metadata)) return null;
  let byShape = plans.get(metadata);
  if (!byShape) {
    byShape = new Map();
    plans.set(metadata, byShape);
  }
  const shape = metadata.columns
    .map((column) => {
      const value = column.getEntityValue(entity);
      return value === undefined ? 'u' : value === null ? 'n' : 'v';
    })
    .join('');
  const known = byShape.get(shape);
  if (known !== undefined) return known;
  const plan = buildPlan(repository, entity);
  byShape.set(shape, plan);
  return plan;
}

/** What `InsertQueryBuilder.execute()` sends for this entity, as its parameters' columns. */
function buildPlan<Entity extends ObjectLiteral>(repository: Repository<Entity>, entity: Entity): InsertPlan | null {
  const { metadata } = repository;
  const driver = metadata.connection.driver;
  // As Repository.insert builds it: from the manager, so without the table alias.
  const builder = repository.manager.createQueryBuilder().insert().into(metadata.target).values(entity);
  const returning = metadata.getInsertionReturningColumns();
  builder.expressionMap.extraReturningColumns = returning;
  const [sql, parameters] = builder.getQueryAndParameters();
  // TypeORM sends a parameter for each inserted column that holds a value, in column order.
  const columns = metadata.columns.filter(
    (column) => column.isInsert && !column.isVirtual && column.getEntityValue(entity) !== undefined,
  );
  const ours = columns.map((column) => driver.preparePersistentValue(column.getEntityValue(entity), column));
  if (!isDeepStrictEqual(ours, parameters)) return null;
  return { sql, parameters: columns, returning };
}

function hasInsertHooks(metadata: EntityMetadata): boolean {
  return (
    metadata.beforeInsertListeners.length > 0 ||
    metadata.afterInsertListeners.length > 0 ||
    metadata.connection.subscribers.some(
      (subscriber) => !subscriber.listenTo || subscriber.listenTo() === metadata.target,
    )
  );
}
