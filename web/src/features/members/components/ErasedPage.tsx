import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { JOIN_PATH } from '../../../lib/paths';
import type { ErasedState } from './MyDataSection';
import './network.css';

/** After a member erased themselves: their data is gone and they are signed out. */
export function ErasedPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('erased.title'));
  const location = useLocation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const erased = (location.state as ErasedState | null)?.erased === true;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  if (!erased) return <Navigate to="/" replace />;
  return (
    <div className="page page--narrow">
      <div className="page__header">
        <h1 tabIndex={-1} ref={headingRef}>
          {t('erased.title')}
        </h1>
      </div>
      <p className="notice notice--success">{t('erased.body')}</p>
      <p>{t('erased.goodbye')}</p>
      <ul className="link-list">
        <li>
          <Link to={JOIN_PATH}>{t('erased.rejoin')}</Link>
        </li>
        <li>
          <Link to="/">{t('notFound.back')}</Link>
        </li>
      </ul>
    </div>
  );
}
