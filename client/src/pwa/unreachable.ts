import { ServerError } from '@apollo/client/errors';

/** No connection, or the server down behind its proxy: worth trying again later. */
export const isUnreachable = (error: unknown) =>
  !navigator.onLine || error instanceof TypeError || (ServerError.is(error) && error.statusCode >= 500);
