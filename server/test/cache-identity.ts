/**
 * The rule the app's normalised cache (Apollo's InMemoryCache) lives by: an object with a
 * `__typename` and an `id` is one record, so two answers that carry the same record must
 * agree on every field they both select. An aggregate that depends on a unit, a period or a
 * filter and reuses a record's id breaks it: whichever answer arrives last overwrites the
 * other, and a screen shows another unit's figures.
 *
 * `IdentityLedger` stores the fields of every answer the way the cache does (per record, a
 * field under its name and arguments) and reports every disagreement.
 */
import {
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Interfaces and unions with their member types, as the client's cache is told them. */
export type PossibleTypes = Record<string, readonly string[]>;

type Stored = null | string | number | boolean | { ref: string } | Stored[] | { [field: string]: Stored };

export interface Violation {
  record: string;
  field: string;
  first: { value: Stored; from: string };
  second: { value: Stored; from: string };
}

/** Apollo's store key of a field: its name, and its arguments when it has any. */
function storeKey(field: FieldNode, variables: Record<string, unknown>): string {
  if (!field.arguments?.length) return field.name.value;
  const args: Record<string, unknown> = {};
  for (const arg of [...field.arguments].sort((a, b) => a.name.value.localeCompare(b.name.value))) {
    const value = valueFromASTUntyped(arg.value, variables);
    if (value !== undefined) args[arg.name.value] = value;
  }
  return `${field.name.value}(${JSON.stringify(args)})`;
}

/** Two stored values agree where both say something: nested objects are compared on the fields both hold. */
function agree(a: Stored, b: Stored): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => agree(x, b[i]!))
    );
  }
  if ('ref' in a || 'ref' in b) return 'ref' in a && 'ref' in b && a.ref === b.ref;
  return Object.keys(a).every((k) => !(k in b) || agree(a[k]!, b[k]!));
}

export class IdentityLedger {
  private readonly records = new Map<string, Map<string, { value: Stored; from: string }>>();
  readonly violations: Violation[] = [];
  /** Records seen, and answers read. */
  readonly counts = { records: 0, answers: 0 };

  constructor(
    private readonly possibleTypes: PossibleTypes,
    /** Fields whose value depends on who asks: compared within one viewer's answers only. */
    private readonly perViewer: ReadonlySet<string> = new Set(),
  ) {}

  /**
   * Reads one answer. `from` names the operation, its variables and the viewer, for the
   * report; `viewer` keeps the per-viewer fields of different viewers apart.
   */
  add(
    document: DocumentNode,
    variables: Record<string, unknown>,
    data: unknown,
    from: string,
    viewer: string,
  ) {
    this.counts.answers++;
    const fragments = new Map<string, FragmentDefinitionNode>();
    let operation: SelectionSetNode | undefined;
    for (const def of document.definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
      if (def.kind === Kind.OPERATION_DEFINITION) operation = def.selectionSet;
    }
    if (!operation || !data) return;

    const matches = (typeCondition: string | undefined, typename: unknown) =>
      typeCondition === undefined ||
      typeCondition === typename ||
      (typeof typename === 'string' && (this.possibleTypes[typeCondition] ?? []).includes(typename));

    /** The fields a selection set selects on an object of this type, fragments spread. */
    const fieldsOf = (set: SelectionSetNode, typename: unknown): FieldNode[] =>
      set.selections.flatMap((s) => {
        if (s.kind === Kind.FIELD) return [s];
        if (s.kind === Kind.INLINE_FRAGMENT)
          return matches(s.typeCondition?.name.value, typename) ? fieldsOf(s.selectionSet, typename) : [];
        const fragment = fragments.get(s.name.value);
        if (!fragment) throw new Error(`unknown fragment ${s.name.value}`);
        return matches(fragment.typeCondition.name.value, typename)
          ? fieldsOf(fragment.selectionSet, typename)
          : [];
      });

    const store = (value: unknown, set: SelectionSetNode | undefined): Stored => {
      if (value === null || value === undefined) return null;
      if (Array.isArray(value)) return value.map((v) => store(v, set));
      if (typeof value !== 'object' || !set) return value as Stored;
      const object = value as Record<string, unknown>;
      const fields: Record<string, Stored> = {};
      for (const field of fieldsOf(set, object.__typename)) {
        const responseKey = field.alias?.value ?? field.name.value;
        if (responseKey in object)
          fields[storeKey(field, variables)] = store(object[responseKey], field.selectionSet);
      }
      const { __typename: typename, id } = object;
      if (typeof typename !== 'string' || (typeof id !== 'string' && typeof id !== 'number')) return fields;
      const record = `${typename}:${id}`;
      this.keep(record, fields, from, viewer);
      return { ref: record };
    };
    store(data, operation);
  }

  private keep(record: string, fields: Record<string, Stored>, from: string, viewer: string) {
    let known = this.records.get(record);
    if (!known) {
      known = new Map();
      this.records.set(record, known);
      this.counts.records++;
    }
    const typename = record.slice(0, record.indexOf(':'));
    for (const [key, value] of Object.entries(fields)) {
      const name = key.replace(/\(.*$/, '');
      const slot = this.perViewer.has(`${typename}.${name}`) ? `${viewer}|${key}` : key;
      const seen = known.get(slot);
      if (!seen) known.set(slot, { value, from });
      else if (!agree(seen.value, value))
        this.violations.push({ record, field: key, first: seen, second: { value, from } });
    }
  }
}
