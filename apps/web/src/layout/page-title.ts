import { useEffect } from 'react';
import { useMatches } from 'react-router';

const APP = 'Steward CRM';

/**
 * What a route may say about its page. `title` names the page in the browser's tab and
 * history; `null` means the page names itself (a record's page, once the record loads).
 */
export interface PageHandle {
  title: string | null;
}

const titleOf = (page: string | null | undefined) => (page ? `${page} · ${APP}` : APP);

/**
 * Sets the document title from the deepest route that declares one. Render it before the
 * page's Outlet: React runs effects of earlier siblings first, so a page (or the error page)
 * that names itself in the same commit has the last word.
 */
export function RouteTitle() {
  useRouteTitle();
  return null;
}

function useRouteTitle() {
  const matches = useMatches();
  const handle = matches
    .map((match) => match.handle as PageHandle | undefined)
    .findLast((candidate) => candidate !== undefined && 'title' in candidate);
  const title = handle?.title;
  useEffect(() => {
    if (title !== null) document.title = titleOf(title);
  }, [title]);
}

/** For pages whose route leaves the title to them: a record's name, or what it is while loading. */
export function usePageTitle(page: string | null | undefined) {
  useEffect(() => {
    document.title = titleOf(page);
  }, [page]);
}
