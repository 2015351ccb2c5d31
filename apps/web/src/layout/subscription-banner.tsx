import { Alert, Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { unwrap } from '#api-client';
import { api } from '../api/client';
import { useSubscription } from '../api/use-subscription';
import { useAuth } from '../auth/auth-context';
import { usePermissions } from '../auth/use-permissions';
import { formatDay } from '../pages/admin/subscription/subscription-labels';

/** On every page while the organization's subscription has ended or been terminated: when its data goes. */
export function SubscriptionBanner() {
  const { user } = useAuth();
  const { can } = usePermissions();
  const signedIn = Boolean(user) && !user?.mfaEnrolmentRequired;
  const organization = useQuery({
    queryKey: ['organization'],
    enabled: signedIn,
    queryFn: () => unwrap(api.GET('/api/v1/organization')),
  });
  const state = organization.data?.subscriptionState;
  const ending = state === 'ended' || state === 'terminated';
  const detail = useSubscription(signedIn && ending && can('subscription:read'));
  if (!signedIn || !ending) return null;
  const purgeAt = detail.data?.purgeAt;
  return (
    <Alert
      color="red"
      mb="md"
      role="status"
      title={state === 'ended' ? 'The subscription has ended' : 'The contract was terminated'}
    >
      {purgeAt
        ? `All data of this organization will be deleted on ${formatDay(purgeAt)}. Export what you need before then. `
        : 'All data of this organization will be deleted soon. Ask an owner for the date. '}
      {can('subscription:read') && (
        <Anchor component={Link} to="/admin/subscription">
          See the subscription
        </Anchor>
      )}
    </Alert>
  );
}
