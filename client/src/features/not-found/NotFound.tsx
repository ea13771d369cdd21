import { Link, useLocation } from 'wouter';
import { usePageTitle } from '../../ui/page-title';

/** Any address the app does not know. */
export function NotFound() {
  usePageTitle('Sidan finns inte');
  return (
    <main>
      <h1>Sidan finns inte</h1>
      <p>Adressen leder inte till någon sida här. Den kan ha ändrats eller skrivits fel.</p>
      <p>
        <Link href="/">Till startsidan</Link>
      </p>
    </main>
  );
}

/** A link whose `?period=` names no period of the unit's kommun: the way on is the unit's latest. */
export function PeriodNotFound({ periodId }: { periodId: string }) {
  const [path] = useLocation();
  usePageTitle('Perioden finns inte');
  return (
    <main>
      <div role="alert">
        <h1>Perioden finns inte</h1>
        <p>
          Perioden {periodId} i länken finns inte för den här enheten. Länken kan ha ändrats eller skrivits
          fel.
        </p>
      </div>
      <p>
        <Link href={path}>Till enhetens senaste period</Link>
      </p>
    </main>
  );
}
