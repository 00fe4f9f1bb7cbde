/**
 * What a write leaves in the table: a deep copy, without the undefined values the document client drops
 * (`removeUndefinedValues`). Callers can then change their objects without changing what is stored, as with
 * DynamoDB, and what is read back is a copy too.
 */
export const stored = <T>(value: T): T => withoutUndefined(structuredClone(value));

const withoutUndefined = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype)
    return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .map(([name, field]) => [name, withoutUndefined(field)]),
  ) as T;
};
