import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ROUTE_VISITS } from '../../e2e/route-list';
import { routes } from './router';

/** Every path the router serves, in full from the root: `/staff` for an index route under `staff`. */
function pathsOf(list: RouteObject[], parent = ''): string[] {
  return list.flatMap((route) => {
    const own = route.path === undefined ? parent : route.path === '*' ? '*' : `${parent}/${route.path}`.replace(/\/+/g, '/');
    const here = route.index || (route.path !== undefined && route.element !== undefined) ? [own || '/'] : [];
    return [...here, ...pathsOf(route.children ?? [], own === '*' ? parent : own)];
  });
}

describe('the end-to-end route list (e2e/route-list.ts)', () => {
  const served = [...new Set(pathsOf(routes))].sort();
  const visited = new Set(ROUTE_VISITS.map((visit) => visit.pattern));

  it('visits every path the router serves, so that no page escapes the width and axe checks', () => {
    expect(served.filter((path) => !visited.has(path))).toEqual([]);
  });

  it('names no path the router does not serve', () => {
    expect([...visited].filter((path) => !served.includes(path))).toEqual([]);
  });

  it('finds the router’s paths (the check itself works)', () => {
    expect(served).toContain('/');
    expect(served).toContain('/staff/members/:id');
    expect(served).toContain('*');
  });
});
