/** Every entity of the domain, in one list for the ORM. */
import { Assignment, AssignmentFollowUp } from '../modules/assignments/assignment.entity.js';
import { AuditEntry } from '../modules/audit/audit.entity.js';
import { Session, SignInThrottle, User } from '../modules/auth/user.entity.js';
import { EconomyLine, EconomyTable, Investment } from '../modules/economy/economy.entity.js';
import {
  LedgerAccountGroup,
  LedgerCostCentre,
  LedgerImport,
  LedgerMapping,
} from '../modules/economy-import/ledger-mapping.entity.js';
import { Goal, GoalArea, GoalFollowUp } from '../modules/goals/goal.entity.js';
import { Indicator, IndicatorFollowUp, IndicatorValue } from '../modules/indicators/indicator.entity.js';
import { InternalControl } from '../modules/internal-control/internal-control.entity.js';
import { Kommun, OrgUnit, OrgUnitVersion, Period } from '../modules/organisation/org-unit.entity.js';
import { Report, ReportKeyFigure, ReportSection } from '../modules/reports/report.entity.js';
import { SetupToken } from '../modules/setup/setup-token.entity.js';
import { SickLeave, StaffTurnover } from '../modules/workforce/workforce.entity.js';

export const entities = [
  Kommun,
  OrgUnit,
  OrgUnitVersion,
  Period,
  GoalArea,
  Goal,
  GoalFollowUp,
  Indicator,
  IndicatorValue,
  IndicatorFollowUp,
  Assignment,
  AssignmentFollowUp,
  EconomyTable,
  EconomyLine,
  Investment,
  LedgerMapping,
  LedgerCostCentre,
  LedgerAccountGroup,
  LedgerImport,
  SickLeave,
  StaffTurnover,
  InternalControl,
  Report,
  ReportSection,
  ReportKeyFigure,
  User,
  Session,
  SignInThrottle,
  AuditEntry,
  SetupToken,
];
