import { Paper, Stack, Text, Title } from '@mantine/core';
import type { PolicyDraft } from '../../../api/use-privacy-admin';
import classes from './privacy-admin.module.css';

/**
 * What publishing the draft changes, per section. Removed lines are struck through in red
 * and added ones underlined in green, and each also says so in words (<del>/<ins> and a
 * label), so colour is never the only sign.
 */
export function PolicyDiff({ changes }: { changes: PolicyDraft['changes'] }) {
  if (changes.length === 0) {
    return <Text c="dimmed">The draft says the same as the published version.</Text>;
  }
  return (
    <Stack gap="sm" aria-label="Changes">
      {changes.map((change) => (
        <Paper withBorder p="sm" key={change.key} component="section" aria-labelledby={`diff-${change.key}`}>
          <Title order={4} id={`diff-${change.key}`}>
            {change.title}
          </Title>
          {change.removed.map((line) => (
            <Text key={`removed:${line}`} mt={4} className={classes.removed}>
              <strong>Removed: </strong>
              <del>{line}</del>
            </Text>
          ))}
          {change.added.map((line) => (
            <Text key={`added:${line}`} mt={4} className={classes.added}>
              <strong>Added: </strong>
              <ins>{line}</ins>
            </Text>
          ))}
        </Paper>
      ))}
    </Stack>
  );
}
