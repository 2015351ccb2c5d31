import { AppShell, Burger, Button, Group, NavLink, Text, Title, useMantineColorScheme } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, NavLink as RouterLink, useLocation, useNavigate } from 'react-router';
import { useProfile } from '../api/use-profile';
import { useAuth } from '../auth/auth-context';
import { usePermissions } from '../auth/use-permissions';
import { CookieConsentManager } from '../consent/cookie-consent-manager';
import { CookieSettingsFooter } from '../consent/cookie-settings-link';
import { useUsageAnalytics } from '../consent/use-usage-analytics';
import { crmNav } from '../pages/crm/routes';
import { workNav } from '../pages/work/routes';
import { ApiStatus } from './api-status';
import classes from './app-layout.module.css';
import { RouteTitle } from './page-title';
import { SubscriptionBanner } from './subscription-banner';

/** The theme the signed-in person chose on their profile; the app's own (light) for everyone else. */
function useThemePreference() {
  const { user } = useAuth();
  const profile = useProfile(Boolean(user) && !user?.mfaEnrolmentRequired);
  const { setColorScheme } = useMantineColorScheme();
  // While the session or the profile loads, keep what is shown rather than flash another theme.
  const theme = user === null ? 'light' : user && profile.data && (profile.data.preferences.theme ?? 'light');
  useEffect(() => {
    if (theme === 'light' || theme === 'dark' || theme === 'auto') setColorScheme(theme);
  }, [theme, setColorScheme]);
}

export function AppLayout() {
  const { user, signOut } = useAuth();
  const { t } = useTranslation();
  const { can } = usePermissions();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // On a phone the navigation is a menu behind the burger; following a link closes it.
  const [navOpened, nav] = useDisclosure(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: closes on every change of page
  useEffect(() => nav.close(), [pathname]);
  useThemePreference();
  useUsageAnalytics();
  const admin = [
    can('users:read') && { to: '/admin/users', label: t('nav.users') },
    can('branches:write') && { to: '/admin/branches', label: t('nav.branches') },
    can('users:write') && { to: '/admin/roles', label: t('nav.roles') },
    can('audit:read') && { to: '/admin/audit', label: t('nav.auditTrail') },
    can('analytics:read') && { to: '/admin/usage', label: t('nav.usage') },
    can('privacy-policy:write') && { to: '/admin/privacy', label: t('nav.privacyPolicy') },
    can('privacy-policy:write') && { to: '/admin/consents', label: t('nav.consents') },
    can('webhooks:manage') && { to: '/admin/webhooks', label: t('nav.webhooks') },
    can('requests:read') && { to: '/admin/privacy-requests', label: t('nav.privacyRequests') },
    can('subscription:read') && { to: '/admin/subscription', label: t('nav.subscription') },
    can('retention:read') && { to: '/admin/retention', label: t('nav.retention') },
    can('legal-holds:read') && { to: '/admin/legal-holds', label: t('nav.legalHolds') },
  ].filter((entry) => entry !== false);
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      {/* The content is focusable (tabIndex -1): following the link moves the focus there, past the menu. */}
      <a href="#main" className={classes.skipLink}>
        {t('shell.skipToMain')}
      </a>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? t('shell.closeNavigation') : t('shell.openNavigation')}
              aria-expanded={navOpened}
              aria-controls="main-navigation"
              className={classes.touchTarget}
            />
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <Title order={2} fz={{ base: 'h4', sm: 'h3' }} fw={700} className={classes.brand}>
              {t('common.appName')}
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Group visibleFrom="sm">
              <ApiStatus />
            </Group>
            {user && (
              <>
                <Text size="sm" aria-label={t('shell.signedInUser')} visibleFrom="sm">
                  {user.fullName}
                </Text>
                <Button
                  size="xs"
                  variant="default"
                  className={classes.touchTarget}
                  onClick={async () => {
                    await signOut();
                    navigate('/sign-in');
                  }}
                >
                  {t('shell.signOut')}
                </Button>
              </>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="sm"
        aria-label={t('shell.mainNavigation')}
        id="main-navigation"
        component="nav"
        className={navOpened ? undefined : classes.navClosed}
      >
        <AppShell.Section grow className={classes.navScroll}>
          {user ? (
            <>
              <NavLink component={RouterLink} to="/" label={t('nav.home')} end />
              {[...crmNav, ...workNav]
                .filter((entry) => can(entry.permission))
                .map((entry) => (
                  <NavLink key={entry.to} component={RouterLink} to={entry.to} label={t(`nav.${entry.label}`)} />
                ))}
              <NavLink component={RouterLink} to="/profile" label={t('nav.profile')} />
              <NavLink component={RouterLink} to="/security" label={t('nav.security')} />
              <NavLink component={RouterLink} to="/privacy-center" label={t('nav.privacyCenter')} />
              <NavLink component={RouterLink} to="/privacy-center/requests" label={t('nav.myPrivacyRequests')} />
              {can('api-keys:manage') && <NavLink component={RouterLink} to="/api-keys" label={t('nav.apiKeys')} />}
              {admin.length > 0 && (
                <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
                  {t('shell.administration')}
                </Text>
              )}
              {admin.map((entry) => (
                <NavLink key={entry.to} component={RouterLink} to={entry.to} label={entry.label} />
              ))}
            </>
          ) : (
            <NavLink component={RouterLink} to="/sign-in" label={t('nav.signIn')} />
          )}
          <NavLink component={RouterLink} to="/privacy" label={t('shell.ourPrivacyPolicy')} end />
          <NavLink href="/docs" label={t('shell.apiDocumentation')} description={t('shell.swaggerUi')} />
        </AppShell.Section>
        <AppShell.Section hiddenFrom="sm" pt="sm">
          <ApiStatus />
          {user && (
            <Text size="sm" mt="xs">
              {t('shell.signedInAs', { name: user.fullName })}
            </Text>
          )}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <RouteTitle />
        <SubscriptionBanner />
        <Outlet />
        <CookieSettingsFooter />
      </AppShell.Main>
      <CookieConsentManager />
    </AppShell>
  );
}
