import { useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import { useSearchParams } from 'react-router';

/** How a page's filters are read from and written to the address's query (module-level functions: stable). */
export interface UrlFiltersCodec<F> {
  /** Reads the filters; anything missing, unknown or unreadable falls back to its default. */
  fromParams: (params: URLSearchParams) => F;
  /** Writes only what differs from the defaults, so a page without filters has a bare address. */
  toParams: (filters: F) => URLSearchParams;
}

export interface ApplyOptions {
  /** Replace the current history entry instead of adding one (for toggles that should not fill the back button). */
  replace?: boolean;
}

export interface UrlFilters<F> {
  /** The filters in the address: what the page shows. */
  applied: F;
  /**
   * What the filter form holds: the applied filters, as edited since. It follows the address whenever the
   * address changes (a search, a sort, a pager link, back and forward).
   */
  draft: F;
  setDraft: Dispatch<SetStateAction<F>>;
  /** Puts these filters in the address. */
  apply: (filters: F, options?: ApplyOptions) => void;
  /** A link to these filters (the query part, `?…`; a bare `?` when none is set), e.g. for a pager. */
  linkTo: (filters: F) => string;
}

/**
 * Filter state held in the address's search params (so a filtered list can be linked, reloaded and left
 * with back/forward), plus the draft the filter form edits until it is applied.
 */
export function useUrlFilters<F>({ fromParams, toParams }: UrlFiltersCodec<F>): UrlFilters<F> {
  const [searchParams, setSearchParams] = useSearchParams();
  const applied = useMemo(() => fromParams(searchParams), [fromParams, searchParams]);
  const [draft, setDraft] = useState<F>(applied);
  // The draft follows the address: adjusted while rendering (not in an effect), so the form never shows
  // the previous filters for a frame. `draftOf` is the applied filters the draft started from.
  const [draftOf, setDraftOf] = useState<F>(applied);
  if (draftOf !== applied) {
    setDraftOf(applied);
    setDraft(applied);
  }

  const apply = (filters: F, options: ApplyOptions = {}) => setSearchParams(toParams(filters), { replace: options.replace });
  const linkTo = (filters: F) => `?${toParams(filters).toString()}`;
  return { applied, draft, setDraft, apply, linkTo };
}
