import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Switch } from 'wouter';
import { NotFound } from './features/not-found/NotFound';
import { StartPage } from './features/start/StartPage';
import { UnitPage, unitSections } from './features/unit/UnitPage';
import { PageTitle } from './ui/page-title';

// Detail pages load on demand: the first screen a phone shows carries only what it needs.
const AssignmentPage = lazy(() => import('./features/assignment/AssignmentPage'));
const GoalPage = lazy(() => import('./features/goal/GoalPage'));
const IndicatorPage = lazy(() => import('./features/indicator/IndicatorPage'));
const ReportPage = lazy(() => import('./features/report/ReportPage'));
// An `edit-` chunk: outside the reading budget (scripts/bundle-budget.mjs).
const SignInPage = lazy(() => import('./features/session/edit-sign-in'));
const AccountPage = lazy(() => import('./features/account/edit-account'));
const UsersPage = lazy(() => import('./features/admin/edit-users'));
const ImportPage = lazy(() => import('./features/import/edit-import'));
const LedgerImportPage = lazy(() => import('./features/ledger/edit-ledger-import'));
const OrganisationPage = lazy(() => import('./features/admin/edit-organisation'));
const PlanPage = lazy(() => import('./features/plan/edit-plan'));
// The first start's set-up: used once per installation, so never part of the reading budget.
const SetupPage = lazy(() => import('./features/setup/edit-setup'));

const Loading = ({ children }: { children: ReactNode }) => (
  <Suspense fallback={<p aria-live="polite">Laddar…</p>}>{children}</Suspense>
);

/** One URL per screen, so every screen can be shared and reloaded. */
export function AppRoutes() {
  return (
    <Switch>
      <Route path="/">
        <StartPage />
      </Route>
      <Route path="/enhet/:unitId">{(params) => <UnitPage unitId={params.unitId} />}</Route>
      <Route path="/enhet/:unitId/:section">
        {(params) =>
          unitSections.includes(params.section) && params.section !== '' ? (
            <UnitPage unitId={params.unitId} section={params.section} />
          ) : (
            <NotFound />
          )
        }
      </Route>
      <Route path="/mal/:id">
        {(params) => (
          <Loading>
            <GoalPage id={params.id} />
          </Loading>
        )}
      </Route>
      <Route path="/indikator/:id">
        {(params) => (
          <Loading>
            <IndicatorPage id={params.id} />
          </Loading>
        )}
      </Route>
      <Route path="/rapport/:id">
        {(params) => (
          <Loading>
            <ReportPage id={params.id} />
          </Loading>
        )}
      </Route>
      <Route path="/uppdrag/:id">
        {(params) => (
          <Loading>
            <AssignmentPage id={params.id} />
          </Loading>
        )}
      </Route>
      <Route path="/logga-in">
        <PageTitle title="Logga in" />
        <Loading>
          <SignInPage />
        </Loading>
      </Route>
      <Route path="/mitt-konto">
        <PageTitle title="Mitt konto" />
        <Loading>
          <AccountPage />
        </Loading>
      </Route>
      <Route path="/anvandare">
        <PageTitle title="Användare" />
        <Loading>
          <UsersPage />
        </Loading>
      </Route>
      <Route path="/import">
        <PageTitle title="Importera från kalkylark" />
        <Loading>
          <ImportPage />
        </Loading>
      </Route>
      <Route path="/huvudbok">
        <PageTitle title="Ekonomi från huvudboken" />
        <Loading>
          <LedgerImportPage />
        </Loading>
      </Route>
      <Route path="/organisation">
        <PageTitle title="Organisation" />
        <Loading>
          <OrganisationPage />
        </Loading>
      </Route>
      <Route path="/plan">
        <PageTitle title="Plan och perioder" />
        <Loading>
          <PlanPage />
        </Loading>
      </Route>
      <Route path="/installera">
        <PageTitle title="Installera" />
        <Loading>
          <SetupPage />
        </Loading>
      </Route>
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}
