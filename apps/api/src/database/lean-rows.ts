import type { EntityMetadata, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils.js';
import { withPlatformScope } from './tenant-scope.js';

type Raw = Record<string, unknown>;
export type Hydrate<Entity> = (raw: Raw) => Entity;

const hydrators = new WeakMap<EntityMetadata, Map<string, Hydrate<ObjectLiteral>>>();
const lookups = new WeakMap<EntityMetadata, string>();
const columnLookups = new WeakMap<EntityMetadata, Map<string, string>>();

/**
 * Builds entities from the raw rows of a query that selects one entity's columns under
 * `alias`, as `getMany()` would, but without TypeORM's generic transformer (grouping rows
 * by primary key, joins, relation ids, embeddeds: none of which a flat CRM list has). On a
 * page of 50 that transformer costs more than the query itself. Each value still goes
 * through the driver's `prepareHydratedValue`, so dates, enums and arrays come out the same.
 */
export function hydrator<Entity extends ObjectLiteral>(metadata: EntityMetadata, alias: string): Hydrate<Entity> {
  let byAlias = hydrators.get(metadata);
  if (!byAlias) {
    byAlias = new Map();
    hydrators.set(metadata, byAlias);
  }
  const cached = byAlias.get(alias);
  if (cached) return cached as Hydrate<Entity>;
  if (metadata.relations.some((relation) => relation.isLazy) || metadata.embeddeds.length > 0) {
    throw new Error(`${metadata.name} has lazy relations or embeddeds: use getMany()`);
  }
  const driver = metadata.connection.driver;
  const columns = metadata.columns
    .filter((column) => column.isSelect && !column.isVirtual)
    .map((column) => ({ column, key: DriverUtils.buildAlias(driver, undefined, alias, column.databaseName) }));
  const hydrate = (raw: Raw) => {
    const entity = metadata.create(undefined, { fromDeserializer: true });
    for (const { column, key } of columns) {
      const value = raw[key];
      if (value !== undefined) column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
    }
    return entity;
  };
  byAlias.set(alias, hydrate);
  return hydrate as Hydrate<Entity>;
}

/** `getRawMany()` of a query over one entity, and its rows as entities (see `hydrator`). */
export async function leanPage<Entity extends ObjectLiteral>(
  query: SelectQueryBuilder<Entity>,
): Promise<{ entities: Entity[]; raw: Raw[] }> {
  const alias = query.expressionMap.mainAlias;
  if (!alias?.hasMetadata) throw new Error('leanPage needs a query over an entity');
  const raw = await query.getRawMany<Raw>();
  const hydrate = hydrator<Entity>(alias.metadata, alias.name);
  return { entities: raw.map(hydrate), raw };
}

/**
 * `findOneBy({ organizationId, id })` of a tenant-owned entity, for the lookups every request
 * makes (the record a route names): the statement is built once per entity (the same text
 * `findOneBy` sends) and its row hydrated by `hydrator`, instead of both on every call.
 */
export async function findInOrganization<Entity extends ObjectLiteral>(
  repository: Repository<Entity>,
  organizationId: string,
  id: string,
): Promise<Entity | null> {
  const { metadata } = repository;
  let sql = lookups.get(metadata);
  if (sql === undefined) {
    const [text, parameters] = repository
      .createQueryBuilder(metadata.name)
      .setFindOptions({ where: { organizationId, id } as never, take: 1 })
      .getQueryAndParameters();
    if (parameters.length !== 2 || parameters[0] !== organizationId || parameters[1] !== id) {
      throw new Error(`Unexpected statement for ${metadata.name}: ${text}`);
    }
    sql = text;
    lookups.set(metadata, sql);
  }
  const rows = (await repository.query(sql, [organizationId, id])) as Raw[];
  return rows.length ? hydrator<Entity>(metadata, metadata.name)(rows[0]) : null;
}

/**
 * `find({ where: { [property]: value }, order })` over one plain column, for lookups every
 * request makes (an API key by its prefix, an organization's branches): the statement is
 * built once per entity, property and order, as `findInOrganization` does, and its rows
 * hydrated by `hydrator`.
 */
export async function findByColumn<Entity extends ObjectLiteral>(
  repository: Repository<Entity>,
  property: keyof Entity & string,
  value: string,
  order?: Partial<Record<keyof Entity & string, 'ASC' | 'DESC'>>,
): Promise<Entity[]> {
  const { metadata } = repository;
  let byProperty = columnLookups.get(metadata);
  if (!byProperty) {
    byProperty = new Map();
    columnLookups.set(metadata, byProperty);
  }
  const shape = order ? `${property} ${JSON.stringify(order)}` : property;
  let sql = byProperty.get(shape);
  if (sql === undefined) {
    const [text, parameters] = repository
      .createQueryBuilder(metadata.name)
      .setFindOptions({ where: { [property]: value } as never, ...(order ? { order: order as never } : {}) })
      .getQueryAndParameters();
    if (parameters.length !== 1 || parameters[0] !== value) {
      throw new Error(`Unexpected statement for ${metadata.name}.${property}: ${text}`);
    }
    sql = text;
    byProperty.set(shape, sql);
  }
  const rows = (await repository.query(sql, [value])) as Raw[];
  return rows.map(hydrator<Entity>(metadata, metadata.name));
}

/**
 * The organization of the record with this id in any organization, or null: for the few
 * lookups that start from a bare id (re-applying an erasure after a restore). Runs in the
 * platform scope, never inside a transaction.
 */
export async function organizationOfRecord<Entity extends ObjectLiteral & { organizationId: string }>(
  repository: Repository<Entity>,
  id: string,
): Promise<string | null> {
  const row = await withPlatformScope(() =>
    repository.findOne({ select: { organizationId: true } as never, where: { id } as never }),
  );
  return row?.organizationId ?? null;
}
