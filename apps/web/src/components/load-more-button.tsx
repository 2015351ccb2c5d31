import { Button } from '@mantine/core';

interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** The "next page" button under a cursor-paginated list; absent on the last page. */
export function LoadMoreButton({ list, label = 'Load more' }: { list: PagedQuery; label?: string }) {
  if (!list.hasNextPage) return null;
  return (
    <Button
      variant="default"
      w="fit-content"
      mx="auto"
      loading={list.isFetchingNextPage}
      onClick={() => void list.fetchNextPage()}
    >
      {label}
    </Button>
  );
}
