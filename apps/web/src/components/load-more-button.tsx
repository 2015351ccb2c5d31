import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** The "next page" button under a cursor-paginated list; absent on the last page. */
export function LoadMoreButton({ list, label }: { list: PagedQuery; label?: string }) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <Button
      variant="default"
      w="fit-content"
      mx="auto"
      loading={list.isFetchingNextPage}
      onClick={() => void list.fetchNextPage()}
    >
      {label ?? t('common.loadMore')}
    </Button>
  );
}
