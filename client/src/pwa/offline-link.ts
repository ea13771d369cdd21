/**
 * Answers from the device when the network cannot: a query that fails to reach the server
 * (no connection, or the server down behind its proxy) is answered from a stored report,
 * or fails with NotDownloadedError, which the pages turn into a plain message. Answers the
 * server gives are passed through untouched, and recorded when a download asks for them.
 */
import { ApolloLink } from '@apollo/client';
import { Kind, OperationTypeNode } from 'graphql';
import { Observable } from 'rxjs';
import { operationKey } from './operation-key';
import { answeredByNetwork, servedFromDevice } from './offline-status';
import { saveShellAnswer, storedAnswer } from './offline-store';
import { isUnreachable } from './unreachable';

export class NotDownloadedError extends Error {
  override name = 'NotDownloadedError';
  constructor() {
    super('Det här har inte laddats ner till enheten.');
  }
}

/** A download collects the answers to its queries through this context key. */
export interface RecordingContext {
  record?: (key: string, data: unknown) => void;
}

/** The app's own queries, kept so that the start page and the header work offline. */
const SHELL_OPERATIONS = new Set(['Start', 'Viewer']);

export const offlineLink = new ApolloLink((operation, forward) => {
  const isQuery = operation.query.definitions.some(
    (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === OperationTypeNode.QUERY,
  );
  if (!isQuery) return forward(operation);
  const key = operationKey(operation.operationName ?? '', operation.variables);
  const { record } = operation.getContext() as RecordingContext;

  return new Observable<ApolloLink.Result>((subscriber) => {
    const subscription = forward(operation).subscribe({
      next(result) {
        answeredByNetwork();
        if (result.data && !result.errors?.length) {
          record?.(key, result.data);
          if (SHELL_OPERATIONS.has(operation.operationName ?? '')) void saveShellAnswer(key, result.data);
        }
        subscriber.next(result);
      },
      complete: () => subscriber.complete(),
      error(error: unknown) {
        if (record || !isUnreachable(error)) return subscriber.error(error);
        storedAnswer(key).then(
          (stored) => {
            if (!stored) return subscriber.error(new NotDownloadedError());
            servedFromDevice(
              stored.report && { title: stored.report.title, publishedAt: stored.report.publishedAt },
            );
            subscriber.next({ data: stored.data as Record<string, unknown> });
            subscriber.complete();
          },
          () => subscriber.error(error),
        );
      },
    });
    return () => subscription.unsubscribe();
  });
});
