import { Route, Switch } from 'wouter';
import { AssignmentPage } from './features/assignment/AssignmentPage';
import { IndicatorPage } from './features/indicator/IndicatorPage';
import { NotFound } from './features/not-found/NotFound';
import { ReportPage } from './features/report/ReportPage';
import { StartPage } from './features/start/StartPage';
import { UnitPage, unitSections } from './features/unit/UnitPage';

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
      <Route path="/indikator/:id">{(params) => <IndicatorPage id={params.id} />}</Route>
      <Route path="/rapport/:id">{(params) => <ReportPage id={params.id} />}</Route>
      <Route path="/uppdrag/:id">{(params) => <AssignmentPage id={params.id} />}</Route>
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}
