import { Badge } from '@mantine/core';
import type { PrivacyRequestSummary } from '../../../api/use-privacy-requests';
import { REQUEST_STATUS_LABELS } from '../../../labels';

/** The deadline as the server's clock sees it: days left, or overdue in red. */
export function SlaBadge({ request }: { request: PrivacyRequestSummary }) {
  if (request.daysLeft === null || request.daysLeft === undefined) return null;
  if (request.overdue) {
    const days = Math.max(1, -request.daysLeft);
    return (
      <Badge color="red" variant="filled" data-overdue="true">
        Overdue by {days} {days === 1 ? 'day' : 'days'}
      </Badge>
    );
  }
  return (
    <Badge color={request.daysLeft <= 5 ? 'orange' : 'gray'} variant="light">
      {request.daysLeft} {request.daysLeft === 1 ? 'day' : 'days'} left
    </Badge>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const words = REQUEST_STATUS_LABELS[status] ?? { label: status, color: 'gray' };
  return (
    <Badge color={words.color} variant="light">
      {words.label}
    </Badge>
  );
}
