/**
 * The history of a record, read from the audit log: every saved edit with its author, time
 * and the changed fields. The earlier versions of a comment are the `before` values.
 */
import type { RequestContext } from '../../context.js';
import { AuditEntry } from '../audit/audit.entity.js';
import { User, type IUser } from '../auth/user.entity.js';
import type { EditableTypename } from './edit-record.js';

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

/** One statement for the histories of all records of a type on a page. */
export function historyOf(ctx: RequestContext, entity: EditableTypename, id: number): Promise<RevisionRow[]> {
  return ctx
    .loader<number, RevisionRow[]>(`history:${entity}`, async (ids) => {
      const entries = await ctx.em.find(
        AuditEntry,
        { entity, entityId: { $in: [...ids] } },
        { orderBy: { at: 'desc', id: 'desc' } },
      );
      const byRecord = new Map<number, RevisionRow[]>(ids.map((i) => [i, []]));
      for (const entry of entries) {
        const fields = Object.keys({ ...entry.before, ...entry.after });
        byRecord.get(entry.entityId)?.push({
          id: entry.id,
          at: entry.at,
          authorId: entry.user?.id ?? null,
          changes: fields.map((field) => ({
            field,
            before: shown(entry.before?.[field]),
            after: shown(entry.after?.[field]),
          })),
        });
      }
      return ids.map((i) => byRecord.get(i)!);
    })
    .load(id);
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
