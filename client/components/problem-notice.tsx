import type { ErrorDescription } from '../lib/describe-error';

/** A page's data could not be loaded: say so in place of it, in words. */
export function ProblemNotice({ title, problem }: { title: string; problem: ErrorDescription }) {
  return (
    <section className="notice notice-problem" role="alert" aria-labelledby="problem-title">
      <h2 id="problem-title">{title}</h2>
      <p>{problem.message}</p>
    </section>
  );
}
