import { useTranslation } from 'react-i18next';
import { waitParts } from '../lib/format';
import { problemMessageKey, type Problem } from '../lib/problem-details';
import './ProblemMessage.css';

/**
 * The user-facing text for a problem: the UI's own message for its kind (in the current language),
 * the server's detail where it adds something, and for server errors the trace id to quote. A 429
 * says how long to wait when the server told (Retry-After).
 */
export function ProblemMessage({ problem, lead }: { problem: Problem; lead?: string }) {
  const { t } = useTranslation();
  const waitKnown = problem.kind === 'too-many-requests' && problem.retryAfterSeconds !== undefined;
  const showDetail =
    !!problem.detail &&
    problem.kind !== 'server' &&
    problem.kind !== 'network' &&
    problem.kind !== 'too-many-requests' &&
    problem.detail !== problem.title;
  let message: string = t(problemMessageKey(problem));
  if (waitKnown) {
    const { unit, count } = waitParts(problem.retryAfterSeconds ?? 0);
    const wait = unit === 'seconds' ? t('problems.waitSeconds', { count }) : t('problems.waitMinutes', { count });
    message = t('problems.tooManyRequestsWait', { wait });
  }
  return (
    <>
      {lead ? <strong className="problem__lead">{lead}</strong> : null}
      <span className="problem__message">{message}</span>
      {showDetail ? <span className="problem__detail">{problem.detail}</span> : null}
      {problem.traceId && (problem.kind === 'server' || problem.status >= 500) ? (
        <span className="problem__trace">
          {t('problems.reference', { traceId: problem.traceId })}
        </span>
      ) : null}
    </>
  );
}
