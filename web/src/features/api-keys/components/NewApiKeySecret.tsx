import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedApiKeyResponse } from '../../../api/generated';

export interface NewApiKeySecretProps {
  created: CreatedApiKeyResponse;
  /** Copies the secret (the page says whether it worked). */
  onCopy: (secret: string) => void;
  onDone: () => void;
}

/**
 * The new key's secret, shown this once: the API keeps only its hash, so it cannot be shown again.
 * Says so plainly, offers a copy button, and is gone when closed.
 */
export function NewApiKeySecret({ created, onCopy, onDone }: NewApiKeySecretProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section id="new-api-key-secret" className="panel panel--warning" aria-labelledby="new-api-key-secret-heading">
      <h2 id="new-api-key-secret-heading" className="panel__title" tabIndex={-1} ref={headingRef}>
        {t('apiKeys.secret.title', { name: created.key.name })}
      </h2>
      <div className="notice notice--warning" id="new-api-key-secret-warning">
        <strong>{t('apiKeys.secret.warningLead')}</strong> {t('apiKeys.secret.warning')}
      </div>
      <div className="field">
        <label className="field__label" htmlFor="new-api-key-secret-value">
          {t('apiKeys.secret.label')}
        </label>
        <div className="secret">
          <input
            id="new-api-key-secret-value"
            type="text"
            className="input input--code secret__value"
            value={created.secret}
            readOnly
            spellCheck={false}
            autoComplete="off"
            aria-describedby="new-api-key-secret-warning new-api-key-secret-usage"
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button button--primary" onClick={() => onCopy(created.secret)}>
            {t('apiKeys.secret.copy')}
          </button>
        </div>
        <p className="field__hint" id="new-api-key-secret-usage">
          {t('apiKeys.secret.usage')}
        </p>
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>
          {t('apiKeys.secret.done')}
        </button>
      </div>
    </section>
  );
}
