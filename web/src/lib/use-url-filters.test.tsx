import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useUrlFilters, type UrlFilters } from './use-url-filters';

interface Filters {
  q: string;
  page: number;
}

const CODEC = {
  fromParams: (params: URLSearchParams): Filters => {
    const page = Number(params.get('page'));
    return { q: (params.get('q') ?? '').trim(), page: Number.isInteger(page) && page >= 1 ? page : 1 };
  },
  toParams: ({ q, page }: Filters) => {
    const params = new URLSearchParams();
    if (q.trim()) params.set('q', q.trim());
    if (page > 1) params.set('page', String(page));
    return params;
  },
};

/** A search form over the hook; the latest hook result is kept in `seen` for the test to look at. */
function setup(path: string) {
  const seen: { current: UrlFilters<Filters> | null } = { current: null };
  function Page() {
    const filters = useUrlFilters(CODEC);
    seen.current = filters;
    return (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          filters.apply({ ...filters.draft, page: 1 });
        }}
      >
        <label htmlFor="q">Search</label>
        <input id="q" value={filters.draft.q} onChange={(event) => filters.setDraft((d) => ({ ...d, q: event.target.value }))} />
        <button type="submit">Apply</button>
        <p>shown: {filters.applied.q || '(all)'}</p>
      </form>
    );
  }
  const router = createMemoryRouter([{ path: '/list', element: <Page /> }], { initialEntries: [path] });
  render(<RouterProvider router={router} />);
  return { router, seen, field: () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Search' }) };
}

describe('useUrlFilters', () => {
  it('reads the filters from the address and starts the draft from them', () => {
    const { seen, field } = setup('/list?q=%20ada%20&page=3');
    expect(seen.current?.applied).toEqual({ q: 'ada', page: 3 });
    expect(seen.current?.draft).toEqual({ q: 'ada', page: 3 });
    expect(field().value).toBe('ada');
  });

  it('keeps edits in the draft until they are applied, then puts them in the address', async () => {
    const user = userEvent.setup();
    const { router, seen, field } = setup('/list?page=2');
    await user.type(field(), 'grace');
    expect(seen.current?.applied).toEqual({ q: '', page: 2 });
    expect(router.state.location.search).toBe('?page=2');
    expect(screen.getByText('shown: (all)')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(router.state.location.search).toBe('?q=grace');
    expect(seen.current?.applied).toEqual({ q: 'grace', page: 1 });
    expect(screen.getByText('shown: grace')).toBeTruthy();
  });

  it('lets the draft follow the address on back and forward, dropping unapplied edits', async () => {
    const user = userEvent.setup();
    const { router, seen, field } = setup('/list?q=one');
    await user.clear(field());
    await user.type(field(), 'two');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    await user.type(field(), ' and more');
    expect(field().value).toBe('two and more');

    await act(() => router.navigate(-1));
    expect(router.state.location.search).toBe('?q=one');
    expect(field().value).toBe('one');
    expect(seen.current?.draft).toEqual({ q: 'one', page: 1 });
  });

  it('adds a history entry unless asked to replace the current one', async () => {
    const { router, seen } = setup('/list');
    await act(async () => seen.current?.apply({ q: 'a', page: 1 }));
    await act(async () => seen.current?.apply({ q: 'b', page: 1 }, { replace: true }));
    expect(router.state.location.search).toBe('?q=b');
    await act(() => router.navigate(-1));
    expect(router.state.location.search).toBe('');
  });

  it('links to other filters with only what is set', () => {
    const { seen } = setup('/list?q=ada');
    expect(seen.current?.linkTo({ q: 'ada', page: 2 })).toBe('?q=ada&page=2');
    expect(seen.current?.linkTo({ q: '', page: 1 })).toBe('?');
  });

  it('keeps the same applied filters while the address stays the same', async () => {
    const user = userEvent.setup();
    const { seen, field } = setup('/list?q=ada');
    const before = seen.current?.applied;
    await user.type(field(), 'x');
    expect(seen.current?.applied).toBe(before);
  });
});
