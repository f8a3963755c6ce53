import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventResponse, InitiativeJoinResponse, InitiativeResponse } from '../../../api/generated';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { toProblem } from '../../../lib/problem-details';
import { EventNotLinked, useCreateJoinEvent } from '../api/initiatives';
import { departmentEventRequest } from './InitiativeParts';
import { staffEventEditPath } from '../paths';

/** The reason a try to make and link the event failed: the link's own when the event was made. */
export function eventFailure(error: unknown) {
  return toProblem(error instanceof EventNotLinked ? error.reason : error);
}

/**
 * "Create our event" for a department that joined without one (or whose event could not be made when it joined):
 * makes its draft event through Events and links it to the join; an event made whose link failed is only linked again.
 */
export function InitiativeEventButton({ initiative, join }: { initiative: InitiativeResponse; join: InitiativeJoinResponse }) {
  const { t } = useTranslation();
  const create = useCreateJoinEvent();
  const [made, setMade] = useState<EventResponse | undefined>();
  const run = () => {
    if (create.isPending) return;
    create.mutate(
      { join, made, event: departmentEventRequest(initiative, { code: join.departmentCode, nameSv: join.departmentNameSv, nameEn: join.departmentNameEn }) },
      { onError: (error) => setMade(error instanceof EventNotLinked ? error.event : undefined) },
    );
  };
  // Once the join has its event (linked here or elsewhere), only this button's own outcome is left to show.
  if (join.event && !create.data) return null;
  return (
    <>
      {create.data ? (
        <p className="notice notice--success" role="status">
          {t('network.initiatives.eventCreated')}{' '}
          <Link to={staffEventEditPath(create.data.event.id)}>{t('network.initiatives.openEvent')}</Link>
        </p>
      ) : (
        <button type="button" className="button button--small" aria-disabled={create.isPending || undefined} onClick={run}>
          {create.isPending ? t('network.initiatives.creatingEvent') : t('network.initiatives.createEvent')}
        </button>
      )}
      {create.error ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={eventFailure(create.error)} lead={t('network.initiatives.eventFailed')} />
        </div>
      ) : null}
    </>
  );
}
