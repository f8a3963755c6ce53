import { useTranslation } from 'react-i18next';

/** Seats left at an event: a count, "full – you join the waiting list" at none, or "no limit" (null). */
export function SeatsLeft({ seatsLeft }: { seatsLeft: number | null | undefined }) {
  const { t } = useTranslation();
  if (seatsLeft === null || seatsLeft === undefined) return <>{t('events.common.seatsUnlimited')}</>;
  if (seatsLeft <= 0) return <span className="event-seats event-seats--full">{t('events.common.seatsFull')}</span>;
  return <>{t('events.common.seatsLeft', { count: seatsLeft })}</>;
}
