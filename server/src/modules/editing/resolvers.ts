import { wrap } from '@mikro-orm/core';
import type { Resolvers } from '../../generated/graphql.js';
import type { RequestContext } from '../../context.js';
import { viewerCanEdit, type EditableKind, type EditableRow } from './edit-record.js';
import {
  authorOf,
  type HistoryArgs,
  historyOf,
  readableRecord,
  registerEditableKind,
} from './history.service.js';

export const editingResolvers: Resolvers = {
  Editable: {
    // The entity names are the GraphQL type names (see EditableTypename).
    __resolveType: (row) => wrap(row, true).__meta.className as never,
  },
  Author: {
    id: (u) => u.id,
    name: (u) => u.name,
  },
  Query: {
    editable: (_, { type, id }, ctx) => readableRecord(ctx, type, id) as never,
  },
  Revision: {
    at: (r) => r.at.toISOString(),
    author: (r, _, ctx) => authorOf(ctx, r.authorId),
  },
};

/** The fields every Editable type resolves the same way, for the kind of record it is. */
export function editableFields<T extends EditableRow>(kind: EditableKind<T, Record<string, unknown>>) {
  registerEditableKind(kind);
  return {
    updatedAt: (row: T) => row.updatedAt.toISOString(),
    updatedBy: (row: T, _: unknown, ctx: RequestContext) => authorOf(ctx, row.updatedBy?.id),
    viewerCanEdit: (row: T, _: unknown, ctx: RequestContext) => viewerCanEdit(ctx, kind, row),
    history: (row: T, args: HistoryArgs, ctx: RequestContext) => historyOf(ctx, kind.typename, row.id, args),
  };
}
