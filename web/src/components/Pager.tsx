import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './Pager.css';

export interface PagerProps {
  /** Names the navigation landmark, e.g. "Member pages". */
  label: string;
  page: number;
  pages: number;
  /** The address of another page (with the filters). */
  linkTo: (page: number) => string;
  /** Show "Page 1 of 1" too (the audit log); otherwise a single page has no pager. */
  showSinglePage?: boolean;
}

/** Previous and next page links with "Page n of m" between them. Nothing when there is one page, unless `showSinglePage`. */
export function Pager({ label, page, pages, linkTo, showSinglePage = false }: PagerProps) {
  const { t } = useTranslation();
  if (!showSinglePage && pages <= 1 && page <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      {page > 1 ? (
        <Link className="button button--small" to={linkTo(page - 1)} rel="prev">
          {t('pager.previous')}
        </Link>
      ) : null}
      <p className="pager__status">{t('pager.status', { page, pages })}</p>
      {page < pages ? (
        <Link className="button button--small" to={linkTo(page + 1)} rel="next">
          {t('pager.next')}
        </Link>
      ) : null}
    </nav>
  );
}
