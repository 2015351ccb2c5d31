import { Alert, Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { unwrap } from '#api-client';
import { api } from '../api/client';
import { useSubscription } from '../api/use-subscription';
import { useAuth } from '../auth/auth-context';
import { usePermissions } from '../auth/use-permissions';
import { formatCalendarDate } from '../i18n/format';
import { useLocaleSettings } from '../i18n/use-locale';

const LONG_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/** On every page while the organization's subscription has ended or been terminated: when its data goes. */
export function SubscriptionBanner() {
  const { user } = useAuth();
  const { t } = useTranslation();
  useLocaleSettings();
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
      title={state === 'ended' ? t('subscriptionBanner.ended') : t('subscriptionBanner.terminated')}
    >
      {purgeAt
        ? // The purge's day is a UTC day: written as that calendar day in every zone.
          t('subscriptionBanner.deletedOn', { date: formatCalendarDate(purgeAt.slice(0, 10), LONG_DATE) })
        : t('subscriptionBanner.deletedSoon')}
      {can('subscription:read') && (
        <Anchor component={Link} to="/admin/subscription">
          {t('subscriptionBanner.seeSubscription')}
        </Anchor>
      )}
    </Alert>
  );
}
