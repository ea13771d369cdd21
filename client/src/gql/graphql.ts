/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AssignmentKind =
  | 'NAMNDINITIATIV'
  | 'UPPDRAG';

export type AssignmentStatus =
  | 'EJ_PABORJAD'
  | 'KVARSTAENDE'
  | 'PABORJAD'
  | 'PAUSAD'
  | 'SLUTFORD'
  | 'STANGS_OCH_OVERGAR'
  | 'STRUKEN';

export type OffTrackKind =
  | 'ASSIGNMENT'
  | 'ECONOMY'
  | 'GOAL';

export type Severity =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

export type UnitKind =
  | 'AVDELNING'
  | 'ENHET'
  | 'KOMMUN'
  | 'KONTOR'
  | 'NAMND'
  | 'VERKSAMHET';

export type StartQueryVariables = Exact<{ [key: string]: never; }>;


export type StartQuery = { kommuner: Array<{ id: string, name: string, root: { id: string } }> };

export type AssignmentSummaryTable_FollowUpFragment = { id: string, assignmentSummary: { onPlan: number, deviating: number, total: number, rows: Array<{ kind: AssignmentKind, status: AssignmentStatus, onPlan: number, deviating: number, total: number }> } } & { ' $fragmentName'?: 'AssignmentSummaryTable_FollowUpFragment' };

export type OffTrackList_FollowUpFragment = { id: string, offTrack: Array<{ kind: OffTrackKind, severity: Severity, title: string, reason: string, comment: string | null, targetId: string, amount: number | null }> } & { ' $fragmentName'?: 'OffTrackList_FollowUpFragment' };

export type UnitPageQueryVariables = Exact<{
  unitId: string | number;
  periodId?: string | number | null | undefined;
}>;


export type UnitPageQuery = { unit: { id: string, name: string, kind: UnitKind, kommun: { id: string, name: string, periods: Array<{ id: string, label: string }> }, ancestors: Array<{ id: string, name: string }>, children: Array<{ id: string, name: string, kind: UnitKind }>, followUp: (
      { id: string, period: { id: string, label: string }, goalSummary: { total: number, met: number, partlyMet: number, notMet: number } }
      & { ' $fragmentRefs'?: { 'OffTrackList_FollowUpFragment': OffTrackList_FollowUpFragment;'AssignmentSummaryTable_FollowUpFragment': AssignmentSummaryTable_FollowUpFragment } }
    ) } };

export const AssignmentSummaryTable_FollowUpFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssignmentSummaryTable_followUp"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnitFollowUp"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"assignmentSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"onPlan"}},{"kind":"Field","name":{"kind":"Name","value":"deviating"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onPlan"}},{"kind":"Field","name":{"kind":"Name","value":"deviating"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]} as unknown as DocumentNode<AssignmentSummaryTable_FollowUpFragment, unknown>;
export const OffTrackList_FollowUpFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OffTrackList_followUp"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnitFollowUp"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"offTrack"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]} as unknown as DocumentNode<OffTrackList_FollowUpFragment, unknown>;
export const StartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Start"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kommuner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"root"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<StartQuery, StartQueryVariables>;
export const UnitPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnitPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"kommun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"periods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"ancestors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"periodId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"goalSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"partlyMet"}},{"kind":"Field","name":{"kind":"Name","value":"notMet"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OffTrackList_followUp"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssignmentSummaryTable_followUp"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OffTrackList_followUp"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnitFollowUp"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"offTrack"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssignmentSummaryTable_followUp"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnitFollowUp"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"assignmentSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"onPlan"}},{"kind":"Field","name":{"kind":"Name","value":"deviating"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onPlan"}},{"kind":"Field","name":{"kind":"Name","value":"deviating"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]} as unknown as DocumentNode<UnitPageQuery, UnitPageQueryVariables>;