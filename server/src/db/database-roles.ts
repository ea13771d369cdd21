/**
 * The two PostgreSQL roles of a deployment: the owner, which runs the migrations and owns
 * the tables, and the app's role, which the server connects as. The app's role may read and
 * write rows and nothing else: it is no superuser and owns no table, so it can neither
 * switch off the triggers that keep published reports unchanged (ALTER TABLE … DISABLE
 * TRIGGER, session_replication_role) nor TRUNCATE.
 */
/** A role name as PostgreSQL takes it in a statement. */
const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** A string literal (standard_conforming_strings is on since PostgreSQL 9.1). */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** A connection as the pg package has it (the embedded PostgreSQL's, the tests'). */
export interface PgClient {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** The user name of a connection string. */
export const roleOf = (url: string) => decodeURIComponent(new URL(url).username);

/** The connection string with another user and password. */
export function withRole(url: string, role: { name: string; password: string }): string {
  const u = new URL(url);
  u.username = encodeURIComponent(role.name);
  u.password = encodeURIComponent(role.password);
  return u.toString();
}

/**
 * Creates the app's role on the cluster unless it exists. Several test workers or server
 * processes may do so at once on one cluster: the loser of the race gets duplicate_object
 * or unique_violation, which only says the role is there. An existing role is not altered
 * (that too would race); it is checked instead.
 */
export async function ensureAppRole(
  client: PgClient,
  role: { name: string; password: string },
): Promise<void> {
  await client.query(`do $$ begin
      create role ${quoted(role.name)} login password ${literal(role.password)}
        nosuperuser nocreatedb nocreaterole noreplication nobypassrls;
    exception when duplicate_object or unique_violation then null;
    end $$`);
  const { rows } = await client.query<{ unsafe: boolean }>(
    `select rolsuper or rolcreatedb or rolcreaterole or rolbypassrls or rolreplication as unsafe
         from pg_roles where rolname = $1`,
    [role.name],
  );
  if (rows[0]?.unsafe) {
    throw new Error(
      `Rollen ${role.name} har fler rättigheter än appen ska ha (superuser, createdb, createrole, replication eller bypassrls).`,
    );
  }
}

/** Something that runs SQL: the owner's connection. */
interface Executor {
  execute(sql: string): Promise<unknown>;
}

/**
 * Gives the app's role the rows of every table and the sequences behind their ids. Run
 * after every migration run, by the owner: a table a later migration adds is covered at
 * the same start. (ALTER DEFAULT PRIVILEGES would cover only tables created by the role
 * that ran it, and nothing created before; granting after the migrations covers whatever
 * exists, whoever created it, and is idempotent.)
 */
export async function grantAppRole(owner: Executor, appRole: string): Promise<void> {
  const role = quoted(appRole);
  await owner.execute(`grant usage on schema public to ${role}`);
  await owner.execute(`grant select, insert, update, delete on all tables in schema public to ${role}`);
  await owner.execute(`grant usage on all sequences in schema public to ${role}`);
}

/**
 * Why the connection's role could switch off the database's refusals, or null: it is a
 * superuser, or it owns tables of the schema (it ran the migrations itself).
 */
export async function appRoleTooPowerful(app: Executor): Promise<string | null> {
  const [row] = (await app.execute(
    `select current_user as role, (select rolsuper from pg_roles where rolname = current_user) as superuser,
            (select count(*)::int from pg_tables where schemaname = 'public' and tableowner = current_user) as owned`,
  )) as { role: string; superuser: boolean; owned: number }[];
  if (!row) return null;
  if (row.superuser) return `${row.role} är superuser`;
  if (row.owned > 0) return `${row.role} äger ${row.owned} tabeller`;
  return null;
}
