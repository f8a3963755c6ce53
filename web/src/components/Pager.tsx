import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface PagerProps {
  /** Names the navigation landmark, e.g. "Member pages". */
  label: string;
  page: number;
  pages: number;
  /** The address of another page (with the filters). */
  linkTo: (page: number) => string;
}

/** Previous and next page links with "Page n of m" between them. Nothing when there is one page. */
export function Pager({ label, page, pages, linkTo }: PagerProps) {
  const { t } = useTranslation();
  if (pages <= 1 && page <= 1) return null;
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
