/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Start {\n    kommuner {\n      id\n      name\n      root {\n        id\n      }\n    }\n  }\n": typeof types.StartDocument,
    "\n  fragment AssignmentSummaryTable_followUp on UnitFollowUp {\n    id\n    assignmentSummary {\n      rows {\n        kind\n        status\n        onPlan\n        deviating\n        total\n      }\n      onPlan\n      deviating\n      total\n    }\n  }\n": typeof types.AssignmentSummaryTable_FollowUpFragmentDoc,
    "\n  query AssignmentsSection($unitId: ID!, $periodId: ID) {\n    unit(id: $unitId) {\n      id\n      followUp(periodId: $periodId) {\n        id\n        ...AssignmentSummaryTable_followUp\n        assignments {\n          id\n          status\n          forecast\n          comment\n          commentDate\n          assignment {\n            id\n            kind\n            title\n            dueDate\n            responsibleUnit {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AssignmentsSectionDocument,
    "\n  query EconomySection($unitId: ID!, $periodId: ID) {\n    unit(id: $unitId) {\n      id\n      followUp(periodId: $periodId) {\n        id\n        economy {\n          id\n          ledger\n          dimension\n          forecastLabel\n          unit {\n            id\n            name\n          }\n          totals {\n            budgetPeriod\n            outcomePeriod\n            deviationPeriod\n            budgetFullYear\n            forecastFullYear\n            deviationForecast\n          }\n          lines {\n            id\n            label\n            partOf\n            countsInTotal\n            note\n            budgetPeriod\n            outcomePeriod\n            deviationPeriod\n            budgetFullYear\n            forecastFullYear\n            deviationForecast\n            deviationExplanation\n            forecastExplanation\n          }\n        }\n      }\n    }\n  }\n": typeof types.EconomySectionDocument,
    "\n  query GoalsSection($unitId: ID!, $periodId: ID) {\n    unit(id: $unitId) {\n      id\n      followUp(periodId: $periodId) {\n        id\n        goals {\n          id\n          assessment\n          trend\n          analysis\n          goal {\n            id\n            code\n            title\n            area {\n              id\n              code\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.GoalsSectionDocument,
    "\n  fragment OffTrackList_followUp on UnitFollowUp {\n    id\n    offTrack {\n      kind\n      severity\n      title\n      reason\n      comment\n      targetId\n      amount\n    }\n  }\n": typeof types.OffTrackList_FollowUpFragmentDoc,
    "\n  query UnitPage($unitId: ID!, $periodId: ID) {\n    unit(id: $unitId) {\n      id\n      name\n      kind\n      kommun {\n        id\n        name\n        periods {\n          id\n          label\n        }\n      }\n      ancestors {\n        id\n        name\n      }\n      children {\n        id\n        name\n        kind\n      }\n      followUp(periodId: $periodId) {\n        id\n        period {\n          id\n          label\n        }\n        goalSummary {\n          total\n          met\n          partlyMet\n          notMet\n        }\n        ...OffTrackList_followUp\n      }\n    }\n  }\n": typeof types.UnitPageDocument,
};
const documents: Documents = {
    "\n  query Start {\n    kommuner {\n      id\n      name\n      root {\n        id\n      }\n    }\n  }\n": types.StartDocument,
    "\n  fragment AssignmentSummaryTable_followUp on UnitFollowUp {\n    id\n    assignmentSummary {\n      rows {\n        kind\n        status\n        onPlan\n        deviating\n        total\n      }\n      onPlan\n      deviating\n      total\n    }\n  }\n": types.AssignmentSummaryTable_FollowUpFragmentDoc,
    "\n  query AssignmentsSection($unitId: ID!, $periodId: ID) {\n    unit(id: $unitId) {\n      id\n      followUp(periodId: $periodId) {\n        id\n        ...AssignmentSummaryTable_followUp\n        assignments {\n          id\n          status\n          forecast\n          comment\n          commentDate\n          assignment {\n            id\n            kind\n            title\n            dueDate\n            responsibleUnit {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.AssignmentsSectionDocument,
    "\n  query EconomySection($unitId: ID!, $periodId: ID) {\n    unit(id: $unitId) {\n      id\n      followUp(periodId: $periodId) {\n        id\n        economy {\n          id\n          ledger\n          dimension\n          forecastLabel\n          unit {\n            id\n            name\n          }\n          totals {\n            budgetPeriod\n            outcomePeriod\n            deviationPeriod\n            budgetFullYear\n            forecastFullYear\n            deviationForecast\n          }\n          lines {\n            id\n            label\n            partOf\n            countsInTotal\n            note\n            budgetPeriod\n            outcomePeriod\n            deviationPeriod\n            budgetFullYear\n            forecastFullYear\n            deviationForecast\n            deviationExplanation\n            forecastExplanation\n          }\n        }\n      }\n    }\n  }\n": types.EconomySectionDocument,
    "\n  query GoalsSection($unitId: ID!, $periodId: ID) {\n    unit(id: $unitId) {\n      id\n      followUp(periodId: $periodId) {\n        id\n        goals {\n          id\n          assessment\n          trend\n          analysis\n          goal {\n            id\n            code\n            title\n            area {\n              id\n              code\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n": types.GoalsSectionDocument,
    "\n  fragment OffTrackList_followUp on UnitFollowUp {\n    id\n    offTrack {\n      kind\n      severity\n      title\n      reason\n      comment\n      targetId\n      amount\n    }\n  }\n": types.OffTrackList_FollowUpFragmentDoc,
    "\n  query UnitPage($unitId: ID!, $periodId: ID) {\n    unit(id: $unitId) {\n      id\n      name\n      kind\n      kommun {\n        id\n        name\n        periods {\n          id\n          label\n        }\n      }\n      ancestors {\n        id\n        name\n      }\n      children {\n        id\n        name\n        kind\n      }\n      followUp(periodId: $periodId) {\n        id\n        period {\n          id\n          label\n        }\n        goalSummary {\n          total\n          met\n          partlyMet\n          notMet\n        }\n        ...OffTrackList_followUp\n      }\n    }\n  }\n": types.UnitPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Start {\n    kommuner {\n      id\n      name\n      root {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query Start {\n    kommuner {\n      id\n      name\n      root {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AssignmentSummaryTable_followUp on UnitFollowUp {\n    id\n    assignmentSummary {\n      rows {\n        kind\n        status\n        onPlan\n        deviating\n        total\n      }\n      onPlan\n      deviating\n      total\n    }\n  }\n"): (typeof documents)["\n  fragment AssignmentSummaryTable_followUp on UnitFollowUp {\n    id\n    assignmentSummary {\n      rows {\n        kind\n        status\n        onPlan\n        deviating\n        total\n      }\n      onPlan\n      deviating\n      total\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignmentsSection($unitId: ID!, $periodId: ID) {\n    unit(id: $unitId) {\n      id\n      followUp(periodId: $periodId) {\n        id\n        ...AssignmentSummaryTable_followUp\n        assignments {\n          id\n          status\n          forecast\n          comment\n          commentDate\n          assignment {\n            id\n            kind\n            title\n            dueDate\n            responsibleUnit {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AssignmentsSection($unitId: ID!, $periodId: ID) {\n    unit(id: $unitId) {\n      id\n      followUp(periodId: $periodId) {\n        id\n        ...AssignmentSummaryTable_followUp\n        assignments {\n          id\n          status\n          forecast\n          comment\n          commentDate\n          assignment {\n            id\n            kind\n            title\n            dueDate\n            responsibleUnit {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EconomySection($unitId: ID!, $periodId: ID) {\n    unit(id: $unitId) {\n      id\n      followUp(periodId: $periodId) {\n        id\n        economy {\n          id\n          ledger\n          dimension\n          forecastLabel\n          unit {\n            id\n            name\n          }\n          totals {\n            budgetPeriod\n            outcomePeriod\n            deviationPeriod\n            budgetFullYear\n            forecastFullYear\n            deviationForecast\n          }\n          lines {\n            id\n            label\n            partOf\n            countsInTotal\n            note\n            budgetPeriod\n            outcomePeriod\n            deviationPeriod\n            budgetFullYear\n            forecastFullYear\n            deviationForecast\n            deviationExplanation\n            forecastExplanation\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EconomySection($unitId: ID!, $periodId: ID) {\n    unit(id: $unitId) {\n      id\n      followUp(periodId: $periodId) {\n        id\n        economy {\n          id\n          ledger\n          dimension\n          forecastLabel\n          unit {\n            id\n            name\n          }\n          totals {\n            budgetPeriod\n            outcomePeriod\n            deviationPeriod\n            budgetFullYear\n            forecastFullYear\n            deviationForecast\n          }\n          lines {\n            id\n            label\n            partOf\n            countsInTotal\n            note\n            budgetPeriod\n            outcomePeriod\n            deviationPeriod\n            budgetFullYear\n            forecastFullYear\n            deviationForecast\n            deviationExplanation\n            forecastExplanation\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GoalsSection($unitId: ID!, $periodId: ID) {\n    unit(id: $unitId) {\n      id\n      followUp(periodId: $periodId) {\n        id\n        goals {\n          id\n          assessment\n          trend\n          analysis\n          goal {\n            id\n            code\n            title\n            area {\n              id\n              code\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GoalsSection($unitId: ID!, $periodId: ID) {\n    unit(id: $unitId) {\n      id\n      followUp(periodId: $periodId) {\n        id\n        goals {\n          id\n          assessment\n          trend\n          analysis\n          goal {\n            id\n            code\n            title\n            area {\n              id\n              code\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OffTrackList_followUp on UnitFollowUp {\n    id\n    offTrack {\n      kind\n      severity\n      title\n      reason\n      comment\n      targetId\n      amount\n    }\n  }\n"): (typeof documents)["\n  fragment OffTrackList_followUp on UnitFollowUp {\n    id\n    offTrack {\n      kind\n      severity\n      title\n      reason\n      comment\n      targetId\n      amount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitPage($unitId: ID!, $periodId: ID) {\n    unit(id: $unitId) {\n      id\n      name\n      kind\n      kommun {\n        id\n        name\n        periods {\n          id\n          label\n        }\n      }\n      ancestors {\n        id\n        name\n      }\n      children {\n        id\n        name\n        kind\n      }\n      followUp(periodId: $periodId) {\n        id\n        period {\n          id\n          label\n        }\n        goalSummary {\n          total\n          met\n          partlyMet\n          notMet\n        }\n        ...OffTrackList_followUp\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnitPage($unitId: ID!, $periodId: ID) {\n    unit(id: $unitId) {\n      id\n      name\n      kind\n      kommun {\n        id\n        name\n        periods {\n          id\n          label\n        }\n      }\n      ancestors {\n        id\n        name\n      }\n      children {\n        id\n        name\n        kind\n      }\n      followUp(periodId: $periodId) {\n        id\n        period {\n          id\n          label\n        }\n        goalSummary {\n          total\n          met\n          partlyMet\n          notMet\n        }\n        ...OffTrackList_followUp\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;