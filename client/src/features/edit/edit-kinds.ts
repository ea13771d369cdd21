/**
 * The five kinds of record staff edit: for each, its mutation and its fields as the form
 * shows them. The mutations ask back everything the pages show of the record, so the
 * Apollo cache (normalised by id) updates every page after a save or a conflict.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { graphql } from '../../gql';
import { assessmentLabel, forecastLabel, statusLabel, trendLabel } from '../../ui/labels';

export type EditableTypename =
  'AssignmentFollowUp' | 'IndicatorFollowUp' | 'GoalFollowUp' | 'EconomyLine' | 'ReportSection';

export type EditValue = string | number | null | undefined;
export type EditValues = Record<string, EditValue>;

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'select' | 'number';
  /** Labels by GraphQL enum value, for a select. */
  options?: Record<string, string>;
  /** A select that must have a value offers no empty choice. */
  required?: boolean;
  maxLength?: number;
}

/** What every refused save answers with: a message and the error of each field. */
export const FieldErrors = graphql(`
  fragment FieldErrors on ValidationError {
    message
    fieldErrors {
      field
      message
    }
  }
`);

const EditAssignmentFollowUp = graphql(`
  mutation EditAssignmentFollowUp($input: AssignmentFollowUpEdit!) {
    editAssignmentFollowUp(input: $input) {
      __typename
      ... on AssignmentFollowUp {
        status
        forecast
        comment
        commentDate
        deviationReason
        ...EditableState
      }
      ... on VersionConflict {
        message
        current {
          __typename
          ...EditableState @unmask
          ... on AssignmentFollowUp {
            status
            forecast
            comment
            commentDate
            deviationReason
          }
        }
      }
      ...FieldErrors @unmask
    }
  }
`);

const EditIndicatorFollowUp = graphql(`
  mutation EditIndicatorFollowUp($input: IndicatorFollowUpEdit!) {
    editIndicatorFollowUp(input: $input) {
      __typename
      ... on IndicatorFollowUp {
        assessment
        trend
        comment
        commentDate
        outcome {
          year
          value
          preliminary
        }
        ...EditableState
      }
      ... on VersionConflict {
        message
        current {
          __typename
          ...EditableState @unmask
          ... on IndicatorFollowUp {
            assessment
            trend
            comment
            commentDate
            outcome {
              year
              value
              preliminary
            }
          }
        }
      }
      ...FieldErrors @unmask
    }
  }
`);

const EditGoalFollowUp = graphql(`
  mutation EditGoalFollowUp($input: GoalFollowUpEdit!) {
    editGoalFollowUp(input: $input) {
      __typename
      ... on GoalFollowUp {
        assessment
        trend
        analysis
        ...EditableState
      }
      ... on VersionConflict {
        message
        current {
          __typename
          ...EditableState @unmask
          ... on GoalFollowUp {
            assessment
            trend
            analysis
          }
        }
      }
      ...FieldErrors @unmask
    }
  }
`);

const EditEconomyLine = graphql(`
  mutation EditEconomyLine($input: EconomyLineEdit!) {
    editEconomyLine(input: $input) {
      __typename
      ... on EconomyLine {
        deviationExplanation
        forecastExplanation
        ...EditableState
      }
      ... on VersionConflict {
        message
        current {
          __typename
          ...EditableState @unmask
          ... on EconomyLine {
            deviationExplanation
            forecastExplanation
          }
        }
      }
      ...FieldErrors @unmask
    }
  }
`);

const EditReportSection = graphql(`
  mutation EditReportSection($input: ReportSectionEdit!) {
    editReportSection(input: $input) {
      __typename
      ... on ReportSection {
        heading
        body
        ...EditableState
      }
      ... on VersionConflict {
        message
        current {
          __typename
          ...EditableState @unmask
          ... on ReportSection {
            heading
            body
          }
        }
      }
      ...FieldErrors @unmask
    }
  }
`);

export interface EditKind {
  document: TypedDocumentNode<Record<string, unknown>, { input: Record<string, unknown> }>;
  fields: FieldSpec[];
  /** The values a conflict's current record holds, where they are not its fields as named. */
  valuesOf?(current: Record<string, unknown>): EditValues;
}

/** The form's values in a conflict's current record: its fields by name, unless the kind says. */
export const conflictValues = (kind: EditKind, current: Record<string, unknown>): EditValues =>
  kind.valuesOf?.(current) ??
  Object.fromEntries(kind.fields.map((f) => [f.name, (current[f.name] as EditValue) ?? null]));

export const editKinds: Record<EditableTypename, EditKind> = {
  AssignmentFollowUp: {
    document: EditAssignmentFollowUp as unknown as EditKind['document'],
    fields: [
      { name: 'status', label: 'Status', kind: 'select', options: statusLabel, required: true },
      { name: 'forecast', label: 'Prognos', kind: 'select', options: forecastLabel },
      { name: 'comment', label: 'Kommentar', kind: 'textarea', maxLength: 4000 },
      { name: 'deviationReason', label: 'Orsak till avvikelse', kind: 'textarea', maxLength: 2000 },
    ],
  },
  IndicatorFollowUp: {
    document: EditIndicatorFollowUp as unknown as EditKind['document'],
    fields: [
      { name: 'outcome', label: 'Utfall', kind: 'number' },
      { name: 'assessment', label: 'Bedömning', kind: 'select', options: assessmentLabel },
      { name: 'trend', label: 'Trend', kind: 'select', options: trendLabel },
      { name: 'comment', label: 'Kommentar', kind: 'textarea', maxLength: 4000 },
    ],
    valuesOf: (current) => ({
      assessment: current.assessment as EditValue,
      trend: current.trend as EditValue,
      comment: current.comment as EditValue,
      outcome: (current.outcome as { value: number | null } | null)?.value ?? null,
    }),
  },
  GoalFollowUp: {
    document: EditGoalFollowUp as unknown as EditKind['document'],
    fields: [
      { name: 'assessment', label: 'Bedömning', kind: 'select', options: assessmentLabel, required: true },
      { name: 'trend', label: 'Trend', kind: 'select', options: trendLabel },
      { name: 'analysis', label: 'Analys', kind: 'textarea', maxLength: 8000 },
    ],
  },
  EconomyLine: {
    document: EditEconomyLine as unknown as EditKind['document'],
    fields: [
      {
        name: 'deviationExplanation',
        label: 'Förklaring till periodens avvikelse',
        kind: 'textarea',
        maxLength: 4000,
      },
      {
        name: 'forecastExplanation',
        label: 'Förklaring till prognosavvikelsen',
        kind: 'textarea',
        maxLength: 4000,
      },
    ],
  },
  ReportSection: {
    document: EditReportSection as unknown as EditKind['document'],
    fields: [
      { name: 'heading', label: 'Rubrik', kind: 'text', maxLength: 300 },
      { name: 'body', label: 'Text', kind: 'textarea', maxLength: 20000 },
    ],
  },
};
