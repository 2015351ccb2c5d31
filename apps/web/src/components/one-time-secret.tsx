import { Alert, Button, Code, CopyButton, Group, List, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { saveFile } from './save-file';

/**
 * A secret the server answers once (an API key, a signing secret, recovery codes): shown
 * with a way to copy it, and to download it when `download` is given. `label` names the
 * secret for screen readers (and the browser tests, which read it by that name).
 */
export function OneTimeSecret({
  title,
  label,
  value,
  children,
  copyLabel,
  download,
}: {
  /** What to do now, e.g. "Copy your key now: it is shown only once". */
  title: string;
  label: string;
  /** One secret, or a list of them (one a line when copied). */
  value: string | string[];
  /** A sentence under the title. */
  children?: ReactNode;
  /** The copy button's words; "Copy" in the reader's language when not given. */
  copyLabel?: string;
  download?: { label: string; fileName: string; heading?: string };
}) {
  const { t } = useTranslation();
  const text = Array.isArray(value) ? value.join('\n') : value;
  return (
    <Alert color="teal" title={title} role="status">
      {children && <Text size="sm">{children}</Text>}
      {Array.isArray(value) ? (
        <List size="sm" mt="xs" ff="monospace" aria-label={label}>
          {value.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      ) : (
        <Code block={false} aria-label={label} style={{ overflowWrap: 'anywhere' }}>
          {value}
        </Code>
      )}
      <Group mt="sm" gap="xs">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy}>
              {copied ? t('common.copied') : (copyLabel ?? t('common.copy'))}
            </Button>
          )}
        </CopyButton>
        {download && (
          <Button
            size="xs"
            variant="light"
            onClick={() =>
              saveFile(
                new Blob([download.heading ? `${download.heading}\n\n${text}\n` : `${text}\n`], {
                  type: 'text/plain',
                }),
                download.fileName,
              )
            }
          >
            {download.label}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
