/**
 * The key a stored answer is found by: the operation's name and its variables, with the
 * ones left out or null dropped (the server treats both as "the default"), in a fixed order.
 */
export function operationKey(operationName: string, variables: Record<string, unknown> = {}): string {
  const given = Object.keys(variables)
    .filter((name) => variables[name] != null)
    .sort()
    .map((name) => [name, variables[name]]);
  return `${operationName}:${JSON.stringify(given)}`;
}
