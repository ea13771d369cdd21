/**
 * An import's HTTP answer as the app reads it: NDJSON lines (`{"read": n}` while reading,
 * then `{"result": …}` or `{"error": …}`), or a refusal before any line, as GraphQL answers one.
 */
export interface ImportAnswer<Result> {
  status: number;
  result?: Result;
  error?: { code: string; message: string };
  /** The progress lines' counts. */
  reads: number[];
}

export async function readImportAnswer<Result>(response: Response): Promise<ImportAnswer<Result>> {
  const text = await response.text();
  if (!response.headers.get('content-type')?.includes('ndjson')) {
    const json = JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] };
    const e = json.errors[0]!;
    return { status: response.status, error: { code: e.extensions.code, message: e.message }, reads: [] };
  }
  const lines = text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const last = lines.at(-1)!;
  return {
    status: response.status,
    result: last.result as Result | undefined,
    error: last.error as ImportAnswer<Result>['error'],
    reads: lines.filter((l) => 'read' in l).map((l) => l.read as number),
  };
}
