import { Link } from 'wouter';

/** "Inriktningsmål: 5.1 Minskad klimatpåverkan", a link to the goal's page. */
export function GoalLine({ goal }: { goal: { id: string; code: string; title: string } }) {
  return (
    <p>
      <span className="muted">Inriktningsmål:</span>{' '}
      <Link href={`/mal/${goal.id}`}>
        {goal.code} {goal.title}
      </Link>
    </p>
  );
}
