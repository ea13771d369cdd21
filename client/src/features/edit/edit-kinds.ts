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

const EditAssignmentFollowUp = graphql(`
  mutation EditAssignmentFollowUp($input: AssignmentFollowUpEdit!) {
    editAssignmentFollowUp(input: $input) {
      __typename
      ... on AssignmentFollowUp {
        id
        version
        status
        forecast
        comment
        commentDate
        deviationReason
        updatedAt
        updatedBy {
          id
          name
        }
        viewerCanEdit
        history {
          id
          at
          author {
            id
            name
          }
          changes {
            field
            before
            after
          }
        }
      }
      ... on VersionConflict {
        message
        current {
          __typename
          id
          version
          updatedAt
          updatedBy {
            id
            name
          }
          ... on AssignmentFollowUp {
            status
            forecast
            comment
            commentDate
            deviationReason
          }
        }
      }
      ... on ValidationError {
        message
        fieldErrors {
          field
          message
        }
      }
    }
  }
`);

const EditIndicatorFollowUp = graphql(`
  mutation EditIndicatorFollowUp($input: IndicatorFollowUpEdit!) {
    editIndicatorFollowUp(input: $input) {
      __typename
      ... on IndicatorFollowUp {
        id
        version
        assessment
        trend
        comment
        commentDate
        outcome {
          year
          value
          preliminary
        }
        updatedAt
        updatedBy {
          id
          name
        }
        viewerCanEdit
        history {
          id
          at
          author {
            id
            name
          }
          changes {
            field
            before
            after
          }
        }
      }
      ... on VersionConflict {
        message
        current {
          __typename
          id
          version
          updatedAt
          updatedBy {
            id
            name
          }
          ... on IndicatorFollowUp {
            assessment
            trend
            comment
            outcome {
              year
              value
            }
          }
        }
      }
      ... on ValidationError {
        message
        fieldErrors {
          field
          message
        }
      }
    }
  }
`);

const EditGoalFollowUp = graphql(`
  mutation EditGoalFollowUp($input: GoalFollowUpEdit!) {
    editGoalFollowUp(input: $input) {
      __typename
      ... on GoalFollowUp {
        id
        version
        assessment
        trend
        analysis
        updatedAt
        updatedBy {
          id
          name
        }
        viewerCanEdit
        history {
          id
          at
          author {
            id
            name
          }
          changes {
            field
            before
            after
          }
        }
      }
      ... on VersionConflict {
        message
        current {
          __typename
          id
          version
          updatedAt
          updatedBy {
            id
            name
          }
          ... on GoalFollowUp {
            assessment
            trend
            analysis
          }
        }
      }
      ... on ValidationError {
        message
        fieldErrors {
          field
          message
        }
      }
    }
  }
`);

const EditEconomyLine = graphql(`
  mutation EditEconomyLine($input: EconomyLineEdit!) {
    editEconomyLine(input: $input) {
      __typename
      ... on EconomyLine {
        id
        version
        deviationExplanation
        forecastExplanation
        updatedAt
        updatedBy {
          id
          name
        }
        viewerCanEdit
        history {
          id
          at
          author {
            id
            name
          }
          changes {
            field
            before
            after
          }
        }
      }
      ... on VersionConflict {
        message
        current {
          __typename
          id
          version
          updatedAt
          updatedBy {
            id
            name
          }
          ... on EconomyLine {
            deviationExplanation
            forecastExplanation
          }
        }
      }
      ... on ValidationError {
        message
        fieldErrors {
          field
          message
        }
      }
    }
  }
`);

const EditReportSection = graphql(`
  mutation EditReportSection($input: ReportSectionEdit!) {
    editReportSection(input: $input) {
      __typename
      ... on ReportSection {
        id
        version
        heading
        body
        updatedAt
        updatedBy {
          id
          name
        }
        viewerCanEdit
        history {
          id
          at
          author {
            id
            name
          }
          changes {
            field
            before
            after
          }
        }
      }
      ... on VersionConflict {
        message
        current {
          __typename
          id
          version
          updatedAt
          updatedBy {
            id
            name
          }
          ... on ReportSection {
            heading
            body
          }
        }
      }
      ... on ValidationError {
        message
        fieldErrors {
          field
          message
        }
      }
    }
  }
`);

export interface EditKind {
  document: TypedDocumentNode<Record<string, unknown>, { input: Record<string, unknown> }>;
  fields: FieldSpec[];
  /** The values a conflict's current record holds, in the form's terms. */
  valuesOf(current: Record<string, unknown>): EditValues;
}

const plain = (names: string[]) => (current: Record<string, unknown>) =>
  Object.fromEntries(names.map((n) => [n, (current[n] as EditValue) ?? null]));

export const editKinds: Record<EditableTypename, EditKind> = {
  AssignmentFollowUp: {
    document: EditAssignmentFollowUp as unknown as EditKind['document'],
    fields: [
      { name: 'status', label: 'Status', kind: 'select', options: statusLabel, required: true },
      { name: 'forecast', label: 'Prognos', kind: 'select', options: forecastLabel },
      { name: 'comment', label: 'Kommentar', kind: 'textarea', maxLength: 4000 },
      { name: 'deviationReason', label: 'Orsak till avvikelse', kind: 'textarea', maxLength: 2000 },
    ],
    valuesOf: plain(['status', 'forecast', 'comment', 'deviationReason']),
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
      ...plain(['assessment', 'trend', 'comment'])(current),
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
    valuesOf: plain(['assessment', 'trend', 'analysis']),
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
    valuesOf: plain(['deviationExplanation', 'forecastExplanation']),
  },
  ReportSection: {
    document: EditReportSection as unknown as EditKind['document'],
    fields: [
      { name: 'heading', label: 'Rubrik', kind: 'text', maxLength: 300 },
      { name: 'body', label: 'Text', kind: 'textarea', maxLength: 20000 },
    ],
    valuesOf: plain(['heading', 'body']),
  },
};
