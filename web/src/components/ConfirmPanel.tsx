import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmPanelProps {
  /** The section's id, if something (e.g. `aria-controls`) points at it. */
  id?: string;
  headingId: string;
  /** The heading, focusable so it can be focused when the panel opens. */
  headingRef?: Ref<HTMLHeadingElement>;
  /** The heading's level: 2 (a panel of the page, the default) or 3 (inside a section, e.g. below a table row). */
  headingLevel?: 2 | 3;
  title: ReactNode;
  body: ReactNode;
  confirmLabel: ReactNode;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A danger panel asking to confirm an irreversible action, with confirm and cancel buttons. */
export function ConfirmPanel({
  id,
  headingId,
  headingRef,
  headingLevel = 2,
  title,
  body,
  confirmLabel,
  pending,
  onConfirm,
  onCancel,
}: ConfirmPanelProps) {
  const { t } = useTranslation();
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section id={id} className="panel panel--danger" aria-labelledby={headingId}>
      <Heading id={headingId} className="panel__title" tabIndex={-1} ref={headingRef}>
        {title}
      </Heading>
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
