import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCookieConsent } from './use-cookie-consent';

/** The footer of every page, signed in or not: the way back to the cookie choice. */
export function CookieSettingsFooter() {
  const { t } = useTranslation();
  const { openPreferences } = useCookieConsent();
  return (
    <Group component="footer" justify="center" py="md" mt="xl">
      <Anchor component="button" type="button" size="sm" onClick={openPreferences} mih={44}>
        {t('shell.cookieSettings')}
      </Anchor>
    </Group>
  );
}
