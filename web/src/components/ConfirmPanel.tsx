import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmPanelProps {
  /** The section's id, if something (e.g. `aria-controls`) points at it. */
  id?: string;
  headingId: string;
  /** The heading, focusable so it can be focused when the panel opens. */
  headingRef?: Ref<HTMLHeadingElement>;
  title: ReactNode;
  body: ReactNode;
  confirmLabel: ReactNode;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A danger panel asking to confirm an irreversible action, with confirm and cancel buttons. */
export function ConfirmPanel({ id, headingId, headingRef, title, body, confirmLabel, pending, onConfirm, onCancel }: ConfirmPanelProps) {
  const { t } = useTranslation();
  return (
    <section id={id} className="panel panel--danger" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title" tabIndex={-1} ref={headingRef}>
        {title}
      </h2>
      <p>{body}</p>
      <div className="form-actions">
        <button type="button" className="button button--danger" aria-disabled={pending || undefined} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
