import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Goal } from '../goals/goal.entity.js';
import { Kommun, OrgUnit, Period } from '../organisation/org-unit.entity.js';
import { editableProperties } from '../../db/editable-properties.js';

export const assignmentKinds = ['uppdrag', 'nämndinitiativ'] as const;
export type AssignmentKind = (typeof assignmentKinds)[number];
/** In the order the reports list them. */
export const assignmentStatuses = [
  'Ej påbörjad',
  'Påbörjad',
  'Slutförd',
  'Pausad',
  'Kvarstående',
  'Struken',
  'Stängs och övergår i nytt uppdrag',
] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];
/** Statuses that take an assignment off the list of the next year. */
export const finishedStatuses = [
  'Slutförd',
  'Struken',
  'Stängs och övergår i nytt uppdrag',
] as const satisfies readonly AssignmentStatus[];
export const forecasts = ['Enligt plan', 'Avvikelse från plan'] as const;
export type Forecast = (typeof forecasts)[number];

/** An uppdrag (from KF's Mål och budget) or a nämndinitiativ (decided by the board). */
export const Assignment = defineEntity({
  name: 'Assignment',
  tableName: 'assignment',
  properties: {
    id: p.integer().primary(),
    kommun: () => p.manyToOne(Kommun),
    key: p.string().length(80),
    kind: p.enum([...assignmentKinds]).length(20),
    title: p.text(),
    /** The office or board whose list the assignment is on. */
    ownerUnit: () => p.manyToOne(OrgUnit).index(),
    /** "Ansvarig avdelning". */
    responsibleUnit: () => p.manyToOne(OrgUnit).nullable().index(),
    dueDate: p.date().nullable(),
    /**
     * The year of the Mål och budget (or board decision) it was given in, where a source
     * says so; null where none does, rather than a guess.
     */
    originYear: p.smallint().nullable(),
    /** Who gave it ("KF", "Kommunstyrelsen") and on which day, where known. */
    decidedBy: p.string().length(60).nullable(),
    decidedOn: p.date().nullable(),
    /** Set when the assignment "stängs och övergår i nytt uppdrag". */
    successor: () => p.manyToOne(Assignment).nullable(),
  },
  uniques: [{ properties: ['kommun', 'key'] }],
});
export type IAssignment = InferEntity<typeof Assignment>;

/**
 * Status, forecast and dated comment of an assignment for one follow-up period, and the
 * inriktningsmål it is listed under in that period: goals are renumbered and reworded from
 * one Mål och budget to the next, and an assignment carried into a new year sits under the
 * new year's goal while the earlier report keeps the earlier one.
 */
export const AssignmentFollowUp = defineEntity({
  name: 'AssignmentFollowUp',
  tableName: 'assignment_follow_up',
  properties: {
    id: p.integer().primary(),
    assignment: () => p.manyToOne(Assignment),
    period: () => p.manyToOne(Period).index(),
    goal: () => p.manyToOne(Goal).nullable().index(),
    status: p.enum([...assignmentStatuses]).length(40),
    forecast: p
      .enum([...forecasts])
      .length(30)
      .nullable(),
    comment: p.text().nullable(),
    commentDate: p.date().nullable(),
    deviationReason: p.text().nullable(),
    /**
     * "Ny försenad tidplan" as the period's report prints it ("12 maj 2025, beslutas i
     * verksamhetsberättelsen 2024"), and the day it names, when it names one.
     */
    newTimeline: p.text().nullable(),
    newDueDate: p.date().nullable(),
    ...editableProperties(),
  },
  uniques: [{ properties: ['assignment', 'period'] }],
});
export type IAssignmentFollowUp = InferEntity<typeof AssignmentFollowUp>;
