/**
 * Text that graphql-js accepts and PostgreSQL refuses: a NUL character, a lone UTF-16
 * surrogate (half of an emoji, which no UTF-8 column can hold), or more characters than the
 * column takes. Left to the database, each fails the statement and the person sees "Ett
 * oväntat fel" instead of which field to correct.
 *
 * Every argument of every field, and every field of an input object in it, is checked here,
 * once for the whole schema, before the field's resolver runs: a refused field runs no SQL
 * statement and changes nothing. The answer is, like the domain's own checks, the
 * `ValidationError` member of the field's result union where it has one, naming the field as
 * the form does (`comment` of `input`); otherwise a BAD_USER_INPUT error naming it by its
 * argument path (`filter.search`) in the message and `extensions.field`, as graphql-js's own
 * refusals of a value do (errors.ts).
 */
import {
  defaultFieldResolver,
  getNullableType,
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { columnLength } from '../db/column-length.js';
import { AuditEntry } from '../modules/audit/audit.entity.js';
import { User } from '../modules/auth/user.entity.js';
import { thousands, okOrValidationError, type FieldError } from '../modules/editing/validation.js';
import { OrgUnit, Period } from '../modules/organisation/org-unit.entity.js';
import { Report, ReportSection } from '../modules/reports/report.entity.js';

/**
 * The most characters any text takes that is not stored in a column of limited length (a
 * comment, a search, a password). Well above the longest text a domain rule allows (a report
 * section's 20 000 characters), so those rules answer first, in their own wording.
 */
export const TEXT_CEILING = 100_000;

/**
 * The inputs stored in a column of limited length, by schema coordinate (`Type.field` of an
 * input object, `Type.field(argument:)` of an argument). Any other text has TEXT_CEILING.
 */
const storedIn: Record<string, number> = {
  'NewUserInput.email': columnLength(User, 'email'),
  'NewUserInput.name': columnLength(User, 'name'),
  'Mutation.signIn(email:)': columnLength(User, 'email'),
  'NewPeriodInput.key': columnLength(Period, 'key'),
  'NewPeriodInput.label': columnLength(Period, 'label'),
  'NewDraftReport.title': columnLength(Report, 'title'),
  'CreateUnitInput.name': columnLength(OrgUnit, 'name'),
  'CreateUnitInput.shortName': columnLength(OrgUnit, 'shortName'),
  'CreateUnitInput.key': columnLength(OrgUnit, 'key'),
  'RenameUnitInput.name': columnLength(OrgUnit, 'name'),
  'RenameUnitInput.shortName': columnLength(OrgUnit, 'shortName'),
  'ReportSectionEdit.heading': columnLength(ReportSection, 'heading'),
  'AssignmentFollowUpEdit.idempotencyKey': columnLength(AuditEntry, 'idempotencyKey'),
  'IndicatorFollowUpEdit.idempotencyKey': columnLength(AuditEntry, 'idempotencyKey'),
  'GoalFollowUpEdit.idempotencyKey': columnLength(AuditEntry, 'idempotencyKey'),
  'EconomyLineEdit.idempotencyKey': columnLength(AuditEntry, 'idempotencyKey'),
  'ReportSectionEdit.idempotencyKey': columnLength(AuditEntry, 'idempotencyKey'),
};

/** The most characters an input takes. */
export function maxLengthOf(coordinate: string): number {
  return storedIn[coordinate] ?? TEXT_CEILING;
}

/** The schema coordinates that storedIn names, for the test that each still exists. */
export const limitedCoordinates = (): string[] => Object.keys(storedIn);

export const messages = {
  nul: (field: string) => `Fältet ${field} innehåller ett otillåtet tecken (NUL).`,
  loneSurrogate: (field: string) =>
    `Fältet ${field} innehåller ett ofullständigt tecken (ett halvt Unicode-tecken) som inte kan sparas.`,
  tooLong: (field: string, max: number) => `Fältet ${field} får vara högst ${thousands(max)} tecken.`,
};

declare global {
  interface String {
    /** ES2024, in Node since 20: false when the text holds a lone surrogate. */
    isWellFormed(): boolean;
  }
}

type Message = (field: string) => string;

/** What is wrong with one text, or undefined. Characters are counted as PostgreSQL does. */
function textProblem(text: string, max: number): Message | undefined {
  if (text.includes('\u0000')) return messages.nul;
  if (!text.isWellFormed()) return messages.loneSurrogate;
  // UTF-16 units are at least as many as characters: count characters only when it matters.
  if (text.length > max && [...text].length > max) return (field) => messages.tooLong(field, max);
  return undefined;
}

interface Problem {
  /** Argument path, e.g. `input.comment` or `input.unitIds.0`. */
  path: string;
  /** The same within the argument's input object (`comment`), as fieldErrors name fields. */
  inInput: string;
  /** The Swedish message, naming the field as given. */
  message: Message;
}

function collect(
  type: GraphQLInputType,
  value: unknown,
  path: string[],
  coordinate: string,
  problems: Problem[],
): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return collect(type.ofType, value, path, coordinate, problems);
  if (isListType(type)) {
    if (Array.isArray(value))
      value.forEach((item, i) => collect(type.ofType, item, [...path, String(i)], coordinate, problems));
    return;
  }
  if (isInputObjectType(type)) {
    const object = value as Record<string, unknown>;
    for (const field of Object.values(type.getFields()))
      collect(field.type, object[field.name], [...path, field.name], `${type.name}.${field.name}`, problems);
    return;
  }
  // Strings of any scalar (String, ID, Date); enums and numbers graphql-js has checked.
  if (typeof value !== 'string') return;
  const message = textProblem(value, maxLengthOf(coordinate));
  if (message) problems.push({ path: path.join('.'), inInput: path.slice(1).join('.'), message });
}

/** Every problem of a field's arguments, in the order of the arguments. */
export function argumentProblems(
  parent: string,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
): Problem[] {
  const problems: Problem[] = [];
  for (const arg of field.args) {
    const coordinate = `${parent}.${field.name}(${arg.name}:)`;
    const before = problems.length;
    collect(arg.type, args[arg.name], [arg.name], coordinate, problems);
    // A scalar argument is itself the field the person filled in.
    if (!isInputObjectType(getNullableType(arg.type)))
      for (const p of problems.slice(before)) p.inInput = p.path;
  }
  return problems;
}

/**
 * How a result union says "correct the input": its ValidationError member, or signing in's
 * own error (which has one field).
 */
const refusalMembers: Record<string, (problems: Problem[]) => unknown> = {
  ValidationError: (problems) =>
    okOrValidationError({
      invalid: problems.map((p): FieldError => ({ field: p.inInput, message: p.message(p.inInput) })),
    }),
  SignInError: ([first]) => ({
    __typename: 'SignInError',
    errorCode: 'VALIDATION',
    message: first!.message(first!.inInput),
    field: first!.inInput,
  }),
};

function refusal(type: GraphQLOutputType, problems: Problem[]): unknown {
  const nullable = getNullableType(type);
  if (isUnionType(nullable)) {
    const member = nullable.getTypes().find((t) => t.name in refusalMembers);
    if (member) return refusalMembers[member.name]!(problems);
  }
  const fieldErrors = problems.map((p) => ({ field: p.path, message: p.message(p.path) }));
  throw new GraphQLError(fieldErrors.map((e) => e.message).join(' '), {
    extensions: { code: 'BAD_USER_INPUT', field: fieldErrors[0]!.field, fieldErrors },
  });
}

/** Puts the check in front of the resolver of every field that takes arguments. */
export function guardArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        const problems = argumentProblems(type.name, field, args);
        return problems.length ? refusal(field.type, problems) : resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
