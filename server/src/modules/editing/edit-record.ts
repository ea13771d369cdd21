/**
 * One way every edit is saved, whatever the record:
 *
 * 1. signed in as an editor, else UNAUTHENTICATED / FORBIDDEN;
 * 2. the input is valid, else a ValidationError result and nothing is read or written;
 * 3. in one transaction the row is locked (select … for update), so of two concurrent
 *    edits one waits for the other and then sees its version;
 * 4. within the editor's units (else FORBIDDEN, worded the same as a missing record) and
 *    not shown by a published report (else PUBLISHED);
 * 5. made from the current version, else a VersionConflict result carrying the current
 *    record: nothing is ever overwritten silently;
 * 6. the changed fields are saved with the author, the version goes up by one, and one
 *    audit row with before and after is written in the same transaction;
 * 7. an edit sent again with the same idempotency key is never applied twice (step 3 makes
 *    two concurrent replays wait for each other, and the key is unique in the audit log).
 */
import { createHash } from 'node:crypto';
import { LockMode, wrap, type EntityName, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { z } from 'zod';
import type { RequestContext } from '../../context.js';
import { parseId } from '../../graphql/errors.js';
import { AuditEntry } from '../audit/audit.entity.js';
import { User, type IUser } from '../auth/user.entity.js';
import type { IOrgUnit, IPeriod } from '../organisation/org-unit.entity.js';
import { shownInPublishedReport } from '../access/published-reports.js';
import { editsSomeUnit, refuse, requireEditor } from './edit-access.js';
import { fieldErrors, type FieldError } from './validation.js';

/** The GraphQL types that implement Editable; also the entity names in the audit log. */
export type EditableTypename =
  'AssignmentFollowUp' | 'IndicatorFollowUp' | 'GoalFollowUp' | 'EconomyLine' | 'ReportSection';

export interface EditableRow {
  id: number;
  version: number;
  updatedAt: Date;
  updatedBy?: IUser | null;
}

/** What changed: the fields' values before and after, as stored in the audit log. */
export interface Diff {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export interface EditableKind<T extends EditableRow, C extends Record<string, unknown>> {
  entity: EntityName<T>;
  typename: EditableTypename;
  /** The relations that say whose the record is and which period it belongs to. */
  populate: readonly string[];
  /** The units whose editors may edit it: one of them within the editor's units suffices. */
  unitsOf(row: T): IOrgUnit[];
  /** The period whose published report would freeze it; null when something else decides. */
  periodOf(row: T): IPeriod | null;
  /** The period whose organisation says whose it is, where periodOf is null (a report's). */
  treePeriodOf?(row: T): Pick<IPeriod, 'id'>;
  /** Frozen for another reason than its period (a published report's own section). */
  published?(row: T): boolean;
  /** Who may read it, when its period does not decide (a report's section: the report). */
  mayRead?(ctx: RequestContext, row: T): boolean;
  /** The editable fields with their rules; `id` and `version` are checked apart. */
  input: z.ZodType<C>;
  /** Applies valid changes to the row (and anything saved with it) and says what changed. */
  apply?(em: EntityManager, row: T, changes: C): Promise<Diff>;
}

export type EditOutcome<T> = { saved: T } | { conflict: T } | { invalid: FieldError[] };

export interface EditInput {
  id: string;
  version: number;
  idempotencyKey?: string | null;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9-]{8,64}$/;

export const PUBLISHED_MESSAGE =
  'Uppgiften ingår i en publicerad rapport och kan inte ändras. Ändringar görs i arbetsperioden.';

/** Sets the fields that differ and reports them; values are compared as stored. */
export function assignChanges<T extends object>(row: T, changes: Record<string, unknown>): Diff {
  const diff: Diff = { before: {}, after: {} };
  const fields = row as Record<string, unknown>;
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined || fields[field] === value) continue;
    diff.before[field] = fields[field] ?? null;
    diff.after[field] = value;
    fields[field] = value;
  }
  return diff;
}

/** Today in Sweden, as a comment is dated. */
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

/** A changed comment is dated today, as the reports date their comments. */
export function dateComment(row: { commentDate?: string | null }, diff: Diff): Diff {
  if (!('comment' in diff.after) || row.commentDate === today()) return diff;
  diff.before.commentDate = row.commentDate ?? null;
  diff.after.commentDate = row.commentDate = today();
  return diff;
}

/**
 * Why the person may not edit the row now, or null if they may: outside their units, or
 * shown by a published report. The row's `populate` relations must be loaded.
 */
async function refusal<T extends EditableRow, C extends Record<string, unknown>>(
  ctx: RequestContext,
  viewer: IUser,
  kind: EditableKind<T, C>,
  row: T,
): Promise<'forbidden' | 'published' | null> {
  const units = kind.unitsOf(row);
  const period = kind.periodOf(row);
  const treePeriod = period ?? kind.treePeriodOf?.(row) ?? null;
  if (!(await editsSomeUnit(ctx, viewer, units, treePeriod))) return 'forbidden';
  if (kind.published?.(row)) return 'published';
  if (period !== null && (await shownInPublishedReport(ctx, period, units))) return 'published';
  return null;
}

/** What a keyed edit asked for, independent of the order of its fields. */
function payloadDigest(version: number, changes: Record<string, unknown>): string {
  const fields = Object.keys(changes).sort();
  return createHash('sha256')
    .update(
      JSON.stringify({ version, changes: Object.fromEntries(fields.map((f) => [f, changes[f] ?? null])) }),
    )
    .digest('hex');
}

const isEmpty = (diff: Diff) => Object.keys(diff.after).length === 0;

export async function editRecord<T extends EditableRow, C extends Record<string, unknown>>(
  ctx: RequestContext,
  kind: EditableKind<T, C>,
  { id: rawId, version, idempotencyKey, ...fields }: EditInput & Record<string, unknown>,
): Promise<EditOutcome<T>> {
  const viewer = requireEditor(ctx);
  const id = parseId(rawId, 'id');
  const parsed = kind.input.safeParse(fields);
  if (!Number.isInteger(version) || version < 1) {
    return { invalid: [{ field: 'version', message: 'Versionen ska vara ett positivt heltal.' }] };
  }
  if (idempotencyKey != null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    const message = 'Nyckeln ska vara 8–64 tecken: bokstäver a–z, siffror och bindestreck.';
    return { invalid: [{ field: 'idempotencyKey', message }] };
  }
  if (!parsed.success) return { invalid: fieldErrors(parsed.error) };
  const payload = payloadDigest(version, parsed.data);

  return ctx.em.transactional(async (em) => {
    const row = await em.findOne(kind.entity, { id } as FilterQuery<T>, {
      lockMode: LockMode.PESSIMISTIC_WRITE,
      refresh: true,
    });
    if (!row) throw refuse();
    // A replay of an edit already saved (the answer was lost, or an outbox sent it twice)
    // gets the record as it is now; checked before the version, which the edit itself moved.
    if (idempotencyKey != null) {
      const earlier = await em.findOne(AuditEntry, { idempotencyKey });
      if (earlier) {
        const sameEdit =
          earlier.user?.id === viewer.id &&
          earlier.entity === kind.typename &&
          earlier.entityId === row.id &&
          // Keys written before payloads were kept cannot be compared: trusted as before.
          (earlier.idempotencyPayload == null || earlier.idempotencyPayload === payload);
        if (sameEdit) return { saved: row };
        // Answering "saved" would tell the device its text is stored when it is not.
        return { invalid: [{ field: 'idempotencyKey', message: 'Nyckeln hör till en annan ändring.' }] };
      }
    }
    await em.populate(row, kind.populate as never);
    const refused = await refusal(ctx, viewer, kind, row);
    if (refused === 'forbidden') throw refuse();
    if (refused === 'published')
      throw new GraphQLError(PUBLISHED_MESSAGE, { extensions: { code: 'PUBLISHED' } });
    if (row.version !== version) return { conflict: row };

    const diff = kind.apply ? await kind.apply(em, row, parsed.data) : assignChanges(row, parsed.data);
    if (isEmpty(diff)) return { saved: row };
    wrap(row).assign({ updatedBy: em.getReference(User, viewer.id) } as never);
    em.create(AuditEntry, {
      user: viewer.id,
      entity: kind.typename,
      entityId: row.id,
      action: 'update',
      before: diff.before,
      after: diff.after,
      requestId: ctx.requestId,
      idempotencyKey: idempotencyKey ?? null,
      idempotencyPayload: idempotencyKey != null ? payload : null,
    });
    await em.flush();
    return { saved: row };
  });
}

export interface VersionConflictModel {
  message: string;
  current: EditableRow;
}

export interface ValidationErrorModel {
  message: string;
  fieldErrors: FieldError[];
}

/** The members of each `…EditResult` union. */
export type EditResult<T> = T | (VersionConflictModel & { current: T }) | ValidationErrorModel;

export function editResult<T extends EditableRow>(outcome: EditOutcome<T>): EditResult<T> {
  if ('saved' in outcome) return outcome.saved;
  if ('conflict' in outcome) {
    return {
      message: 'Någon annan har sparat en ändring sedan du började. Välj vilken text som ska gälla.',
      current: outcome.conflict,
    };
  }
  return {
    message: 'Ändringen sparades inte: rätta uppgifterna och försök igen.',
    fieldErrors: outcome.invalid,
  };
}

/** `__resolveType` of an `…EditResult` union whose saved member is `typename`. */
export const editResultType =
  <N extends EditableTypename>(typename: N) =>
  (result: object): N | 'VersionConflict' | 'ValidationError' =>
    'fieldErrors' in result ? 'ValidationError' : 'current' in result ? 'VersionConflict' : typename;

/** Runs an edit and shapes its outcome for the result union. */
export async function runEdit<T extends EditableRow, C extends Record<string, unknown>>(
  ctx: RequestContext,
  kind: EditableKind<T, C>,
  input: EditInput & Record<string, unknown>,
): Promise<EditResult<T>> {
  return editResult(await editRecord(ctx, kind, input));
}

/** Whether the signed-in person may edit the row now (the `viewerCanEdit` field). */
export async function viewerCanEdit<T extends EditableRow>(
  ctx: RequestContext,
  kind: EditableKind<T, Record<string, unknown>>,
  row: T,
): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer || viewer.role === 'läsare') return false;
  await ctx.em.populate(row, kind.populate as never);
  return (await refusal(ctx, viewer, kind, row)) === null;
}
