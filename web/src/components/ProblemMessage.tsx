import { useTranslation } from 'react-i18next';
import { problemMessageKey, type Problem } from '../lib/problem-details';

/**
 * The user-facing text for a problem: the UI's own message for its kind (in the current language),
 * the server's detail where it adds something, and for server errors the trace id to quote.
 */
export function ProblemMessage({ problem, lead }: { problem: Problem; lead?: string }) {
  const { t } = useTranslation();
  const showDetail =
    !!problem.detail && problem.kind !== 'server' && problem.kind !== 'network' && problem.detail !== problem.title;
  return (
    <>
      {lead ? <strong className="problem__lead">{lead}</strong> : null}
      <span className="problem__message">{t(problemMessageKey(problem))}</span>
      {showDetail ? <span className="problem__detail">{problem.detail}</span> : null}
      {problem.traceId && (problem.kind === 'server' || problem.status >= 500) ? (
        <span className="problem__trace">
          {t('problems.reference', { traceId: problem.traceId })}
        </span>
      ) : null}
    </>
  );
}
