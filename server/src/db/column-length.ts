/**
 * The declared length of a string column, read from its entity: the one place a field's
 * maximum is written, so the checks of the input and the database cannot drift apart.
 */
interface EntityWithMeta {
  meta: { className: string; properties: object };
}

export function columnLength(entity: EntityWithMeta, property: string): number {
  const length = (entity.meta.properties as Record<string, { length?: number }>)[property]?.length;
  if (!length) throw new Error(`${entity.meta.className}.${property} has no declared length`);
  return length;
}
