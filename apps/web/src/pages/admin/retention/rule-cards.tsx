import { Badge, Button, Card, Code, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { RetentionRule } from '../../../api/use-retention';
import { CADENCE_LABELS } from './retention-words';

/** The rules as cards: what each keeps and for how long, the setting behind it, and its actions. */
export function RuleCards({
  rules,
  mayRun,
  mayConfigure,
  onPreview,
  onRun,
  onConfigure,
}: {
  rules: RetentionRule[];
  mayRun: boolean;
  mayConfigure: boolean;
  onPreview: (rule: RetentionRule) => void;
  onRun: (rule: RetentionRule) => void;
  onConfigure: (rule: RetentionRule) => void;
}) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {rules.map((rule) => (
        <Card key={rule.key} withBorder component="section" aria-labelledby={`rule-${rule.key}`}>
          <Stack gap="xs" h="100%">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Title order={2} size="h4" id={`rule-${rule.key}`}>
                {rule.title}
              </Title>
              <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
                {CADENCE_LABELS[rule.cadence] ?? rule.cadence}
              </Badge>
            </Group>
            <Text size="sm">{rule.sentence}</Text>
            <Text size="xs" c="dimmed">
              Setting <Code>{rule.setting}</Code>
              {rule.organizationValue !== null &&
                ` · your organization’s own period (the platform’s is ${rule.platformValue} ${rule.unit})`}
            </Text>
            <Group gap="xs" mt="auto" pt="xs">
              <Button size="xs" variant="light" onClick={() => onPreview(rule)} aria-label={`Preview ${rule.title}`}>
                Preview
              </Button>
              {mayConfigure && rule.adjustable && (
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => onConfigure(rule)}
                  aria-label={`Change period: ${rule.title}`}
                >
                  Change period
                </Button>
              )}
              {mayRun && (
                <Button size="xs" variant="default" onClick={() => onRun(rule)} aria-label={`Run now: ${rule.title}`}>
                  Run now
                </Button>
              )}
            </Group>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
