/**
 * The log never carries a password, a password hash or a session token, at any level. The
 * code logs none on purpose; what slips through is what others put in an error: a failed
 * INSERT's message is the statement with its values inlined (a new user's hash among them),
 * and its stack repeats the message.
 */
import { DriverException } from '@mikro-orm/core';
import { stdSerializers, type Logger } from 'pino';

/** A quoted literal of SQL ('' escapes a quote): the values of a statement in an error. */
const SQL_LITERAL = /'(?:[^']|'')*'/g;
/** Our stored form, `scrypt$N$r$p$salt$hash`, wherever it turns up. */
const PASSWORD_HASH = /scrypt\$[^\s'"\\]*/g;

/** Fields that hold a secret by name, wherever a logged object has them. */
const SECRET_FIELDS = ['password', 'passwordHash', 'password_hash', 'token', 'sessionToken', 'cookie'];

function scrubStrings(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === 'string') return scrub(value);
  if (Array.isArray(value)) return value.map((v) => scrubStrings(v, scrub));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubStrings(v, scrub)]));
  }
  return value;
}

/**
 * pino's error serializer, then: a database error loses the values of its statement (the
 * statement itself and PostgreSQL's reason stay, for finding the bug), and any text that
 * looks like a password hash is cut.
 */
export function serializeError(error: unknown): unknown {
  const serialized = error instanceof Error ? stdSerializers.err(error) : error;
  const fromDatabase = error instanceof DriverException;
  return scrubStrings(serialized, (text) =>
    (fromDatabase ? text.replace(SQL_LITERAL, "'…'") : text).replace(PASSWORD_HASH, 'scrypt$…'),
  );
}

/** A logger like `log` that keeps secrets out of everything written through it. */
export function withoutSecrets(log: Logger): Logger {
  return log.child(
    {},
    {
      serializers: { err: serializeError },
      redact: {
        paths: SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
        censor: '[dolt]',
      },
    },
  );
}
