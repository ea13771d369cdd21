import { Link } from 'wouter';

/** Any address the app does not know. */
export function NotFound() {
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
