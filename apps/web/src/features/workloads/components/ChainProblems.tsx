import { StatusIcon } from '../../../shared/components/StatusIcon';
import type { ChainProblem } from '../model/chainProblems';

/** What is wrong along the chain, at the top of the page, or one line saying all is well. */
export function ChainProblems({ problems, healthy }: { problems: readonly ChainProblem[]; healthy: string }) {
  if (problems.length === 0) {
    return (
      <p className="attention chain-summary" data-problems="0">
        <StatusIcon tone="ok" /> {healthy}
      </p>
    );
  }
  const failed = problems.some((p) => p.severity === 'failed');
  return (
    <div
      className={`attention attention--alert chain-summary${failed ? ' chain-summary--failed' : ''}`}
      data-problems={problems.length}
    >
      <ul aria-label="Problems along the chain">
        {problems.map((problem) => (
          <li key={problem.text} data-severity={problem.severity}>
            <StatusIcon tone={problem.severity} /> {problem.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
