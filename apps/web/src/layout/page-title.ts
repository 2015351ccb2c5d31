import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatches } from 'react-router';

/**
 * What a route may say about its page. `title` names the page in the browser's tab and
 * history: a key of the catalogue's `titles` (words that are not a key show as they are);
 * `null` means the page names itself (a record's page, once the record loads).
 */
export interface PageHandle {
  title: string | null;
}

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
  const { t, i18n } = useTranslation();
  const matches = useMatches();
  const handle = matches
    .map((match) => match.handle as PageHandle | undefined)
    .findLast((candidate) => candidate !== undefined && 'title' in candidate);
  const key = handle?.title;
  const title = key && i18n.exists(`titles.${key}`) ? t(`titles.${key}` as 'titles.home') : key;
  const app = t('common.appName');
  useEffect(() => {
    if (title !== null) document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}

/** For pages whose route leaves the title to them: a record's name, or what it is while loading. */
export function usePageTitle(page: string | null | undefined) {
  const { t } = useTranslation();
  const app = t('common.appName');
  useEffect(() => {
    document.title = page ? `${page} · ${app}` : app;
  }, [page, app]);
}
