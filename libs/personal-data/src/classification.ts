import 'reflect-metadata';

const CLASSIFICATION = Symbol.for('steward:personal-data:classification');

export type FieldClassification =
  | { personal: true; category: string; encrypted: boolean }
  | { personal: false; reason: string };

type ClassificationMap = Map<string, FieldClassification>;

function classify(classification: FieldClassification): PropertyDecorator {
  return (target, property) => {
    const existing: ClassificationMap | undefined = Reflect.getOwnMetadata(CLASSIFICATION, target);
    const map: ClassificationMap = new Map(existing ?? Reflect.getMetadata(CLASSIFICATION, target) ?? []);
    map.set(String(property), classification);
    Reflect.defineMetadata(CLASSIFICATION, map, target);
  };
}

/**
 * Marks a column as personal data of a registered category. Every entity column must
 * carry this or @NotPersonal: a test fails on any column left undecided.
 */
export const PersonalField = (category: string, options: { encrypted?: boolean } = {}): PropertyDecorator =>
  classify({ personal: true, category, encrypted: options.encrypted ?? false });

/** Marks a column as holding no personal data, saying why. */
export const NotPersonal = (reason: string): PropertyDecorator => classify({ personal: false, reason });

export function getFieldClassification(entity: Function, property: string): FieldClassification | undefined {
  const map: ClassificationMap | undefined = Reflect.getMetadata(CLASSIFICATION, entity.prototype);
  return map?.get(property);
}
