/**
 * The history of a record, read from the audit log: every saved edit with its author, time
 * and the changed fields. The earlier versions of a comment are the `before` values.
 */
import type { RequestContext } from '../../context.js';
import { badInput, notFound, parseId } from '../../graphql/errors.js';
import { mayReadFollowUp } from '../access/read-access.js';
import { User, type IUser } from '../auth/user.entity.js';
import type { EditableKind, EditableRow, EditableTypename } from './edit-record.js';

export interface FieldChangeRow {
  field: string;
  before: string | null;
  after: string | null;
}

export interface RevisionRow {
  id: number;
  at: Date;
  authorId: number | null;
  changes: FieldChangeRow[];
}

/** As the app shows a value: numbers and dates as text, nothing as null. */
const shown = (value: unknown): string | null => {
  if (value == null) return null;
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' ? value : JSON.stringify(value);
};

export interface RevisionPageRow {
  revisions: RevisionRow[];
  hasOlder: boolean;
}

/** How many revisions one answer may carry: a record edited thousands of times stays cheap. */
export const MAX_REVISIONS = 50;

export interface HistoryArgs {
  first?: number | null;
  after?: string | number | null;
}

interface AuditRow {
  id: string | number;
  entity_id: number;
  at: string | Date;
  user_id: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * One statement for a page of the histories of all records of a type on a page: the
 * `first` latest revisions of each (or those older than `after`), numbered per record so
 * that no record's whole history is ever read. One more than asked for says whether there
 * are older ones.
 */
export function historyOf(
  ctx: RequestContext,
  entity: EditableTypename,
  id: number,
  { first, after }: HistoryArgs = {},
): Promise<RevisionPageRow> {
  const limit = first ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_REVISIONS) {
    throw badInput('first', `ange mellan 1 och ${MAX_REVISIONS} ändringar åt gången.`);
  }
  const cursor = after == null ? null : parseId(after, 'after');
  return ctx
    .loader<number, RevisionPageRow>(`history:${entity}:${limit}:${cursor ?? ''}`, async (ids) => {
      const olderThanCursor =
        cursor === null
          ? ''
          : `and (a.at, a.id) < (select c.at, c.id from audit_log c
               where c.id = ? and c.entity = a.entity and c.entity_id = a.entity_id)`;
      const rows = await ctx.em.getConnection().execute<AuditRow[]>(
        `select id, entity_id, at, user_id, before, after from (
           select a.*, row_number() over (partition by a.entity_id order by a.at desc, a.id desc) as n
             from audit_log a
            where a.entity = ? and a.entity_id in (${ids.map(() => '?').join(', ')}) ${olderThanCursor}
         ) h where h.n <= ? order by h.entity_id, h.n`,
        [entity, ...ids, ...(cursor === null ? [] : [cursor]), limit + 1],
      );
      const byRecord = new Map<number, RevisionRow[]>(ids.map((i) => [i, []]));
      for (const row of rows) byRecord.get(row.entity_id)?.push(revision(row));
      return ids.map((i) => {
        const revisions = byRecord.get(i)!;
        return { revisions: revisions.slice(0, limit), hasOlder: revisions.length > limit };
      });
    })
    .load(id);
}

function revision(row: AuditRow): RevisionRow {
  const fields = Object.keys({ ...row.before, ...row.after });
  return {
    id: Number(row.id),
    at: new Date(row.at),
    authorId: row.user_id,
    changes: fields.map((field) => ({
      field,
      before: shown(row.before?.[field]),
      after: shown(row.after?.[field]),
    })),
  };
}

/** The people behind `updatedBy` and the revisions of a page, in one statement. */
export function authorOf(ctx: RequestContext, id: number | null | undefined): Promise<IUser | null> {
  if (id == null) return Promise.resolve(null);
  return ctx
    .loader<number, IUser | null>('authors', async (ids) => {
      const users: IUser[] = await ctx.em.find(User, { id: { $in: [...ids] } });
      const byId = new Map(users.map((u) => [u.id, u]));
      return ids.map((i) => byId.get(i) ?? null);
    })
    .load(id);
}

const kinds = new Map<EditableTypename, EditableKind<EditableRow, Record<string, unknown>>>();

/** Makes a kind of record findable by `editable(type, id)`; each domain registers its own. */
export function registerEditableKind<T extends EditableRow>(kind: EditableKind<T, Record<string, unknown>>) {
  kinds.set(kind.typename, kind as never);
}

/**
 * A record for reading its history, if the request may read it: whether a published report
 * shows it, for anyone not signed in (or the kind's own rule). Missing and unreadable are
 * answered alike, so a refusal tells nothing about what exists.
 */
export async function readableRecord(ctx: RequestContext, type: EditableTypename, rawId: string) {
  const id = parseId(rawId, 'id');
  const kind = kinds.get(type);
  const row = kind && (await ctx.em.findOne(kind.entity, { id }, { populate: kind.populate as never }));
  const period = row ? kind.periodOf(row) : null;
  const readable =
    row &&
    (kind.mayRead
      ? kind.mayRead(ctx, row)
      : period !== null && (await mayReadFollowUp(ctx, period, kind.unitsOf(row))));
  if (!readable) throw notFound('Uppgiften', rawId);
  return row;
}
