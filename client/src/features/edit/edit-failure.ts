/** The server's own (Swedish) words when it refused a save, else a plain explanation. */
export function failureMessage(error: unknown): string {
  const graphQLError = (error as { errors?: { message: string }[] }).errors?.[0];
  if (graphQLError) return graphQLError.message;
  return 'Det gick inte att spara just nu. Utkastet finns kvar på enheten; försök igen.';
}
