/**
 * The client's generated GraphQL documents, for tests that must ask the API exactly what the
 * app asks: a figure a test checks is then one the app fetches. Loaded at run time so that
 * the server's type check stays within the server.
 */
import { print, visit, type DocumentNode } from 'graphql';

const generated = new URL('../../client/src/gql/graphql.ts', import.meta.url).href;

/** The text of the client's operation `name` (as in `EconomySectionDocument`). */
export async function clientOperation(name: string): Promise<string> {
  const documents = (await import(generated)) as Record<string, unknown>;
  const document = documents[`${name}Document`];
  if (!document) throw new Error(`the client has no operation ${name}`);
  // @unmask is for Apollo's cache on the client, which leaves it out of what it sends.
  return print(
    visit(document as DocumentNode, { Directive: (d) => (d.name.value === 'unmask' ? null : undefined) }),
  );
}
