import { Link } from 'wouter';

/** Where the page sits: Start, then the given steps down to the page's parent. */
export function Breadcrumb({ steps }: { steps: { href: string; label: string }[] }) {
  return (
    <nav aria-label="Sökväg" className="breadcrumb">
      <ol>
        <li>
          <Link href="/">Start</Link>
        </li>
        {steps.map((s) => (
          <li key={s.href}>
            <Link href={s.href}>{s.label}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
