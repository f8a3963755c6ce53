import { useTranslation } from 'react-i18next';

/**
 * Seats left at an event: a count, "full – you join the waiting list" at none ("no seats left" for someone already
 * registered), or "no limit" (null).
 */
export function SeatsLeft({ seatsLeft, registered = false }: { seatsLeft: number | null | undefined; registered?: boolean }) {
  const { t } = useTranslation();
  if (seatsLeft === null || seatsLeft === undefined) return <>{t('events.common.seatsUnlimited')}</>;
  if (seatsLeft <= 0) {
    return <span className="event-seats event-seats--full">{registered ? t('events.common.seatsNoneLeft') : t('events.common.seatsFull')}</span>;
  }
  return <>{t('events.common.seatsLeft', { count: seatsLeft })}</>;
}
