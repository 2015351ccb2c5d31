import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage } from './language-choice';
import { COMPLETE_LANGUAGES, isLanguage, LANGUAGE_NAMES, LANGUAGES } from './preferences';
import { useLocaleSettings } from './use-locale';

/**
 * The language of the pages before sign-in (signed in, the profile decides). Each language
 * is named in its own words; incomplete ones say they are partly in English.
 */
export function LanguagePicker() {
  const { t } = useTranslation();
  const { language } = useLocaleSettings();
  return (
    <Select
      label={t('languagePicker.label')}
      size="xs"
      w={220}
      data={LANGUAGES.map((value) => ({
        value,
        label: COMPLETE_LANGUAGES.includes(value)
          ? LANGUAGE_NAMES[value]
          : t('languagePicker.partial', { name: LANGUAGE_NAMES[value] }),
      }))}
      value={language}
      onChange={(value) => isLanguage(value) && chooseLanguage(value)}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
