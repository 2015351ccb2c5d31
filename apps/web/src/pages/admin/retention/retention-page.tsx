import { Alert, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { type RetentionRule, useRetentionRules } from '../../../api/use-retention';
import { usePermissions } from '../../../auth/use-permissions';
import { PeriodModal } from './period-modal';
import { PreviewDrawer } from './preview-drawer';
import { PurgeHistory } from './purge-history';
import { RuleCards } from './rule-cards';
import { RunNowModal } from './run-now-modal';

/** Retention: the rules with the sentences they produce, dry runs, runs on demand and the purge history. */
export function RetentionPage() {
  const rules = useRetentionRules();
  const { can } = usePermissions();
  const mayRun = can('retention:run');
  const mayConfigure = can('retention:configure');
  const [configuring, setConfiguring] = useState<RetentionRule | null>(null);
  const [previewing, setPreviewing] = useState<RetentionRule | null>(null);
  const [running, setRunning] = useState<RetentionRule | null>(null);
  const items = rules.data?.items ?? [];
  const run = (rule: RetentionRule) => {
    setPreviewing(null);
    setRunning(rule);
  };

  return (
    <Stack maw={1200}>
      <Title order={1}>Retention</Title>
      <Text size="sm" c="dimmed">
        How long each kind of data is kept, from the same settings the privacy policy states. Rules run on their own
        every night or hour; what a legal hold covers is never deleted. Preview a rule to see what it would delete now.
      </Text>
      <Tabs defaultValue="rules" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="rules">Rules</Tabs.Tab>
          <Tabs.Tab value="history">Purge history</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rules" pt="md">
          {rules.isPending ? (
            <Loader size="sm" aria-label="Loading the rules" />
          ) : rules.isError ? (
            <Alert color="red" role="alert">
              The rules could not be loaded: {rules.error.message}
            </Alert>
          ) : (
            <RuleCards
              rules={items}
              mayRun={mayRun}
              mayConfigure={mayConfigure}
              onPreview={setPreviewing}
              onRun={run}
              onConfigure={setConfiguring}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <PurgeHistory rules={items} />
        </Tabs.Panel>
      </Tabs>
      <PeriodModal rule={configuring} onClose={() => setConfiguring(null)} />
      <PreviewDrawer rule={previewing} mayRun={mayRun} onClose={() => setPreviewing(null)} onRun={run} />
      <RunNowModal rule={running} onClose={() => setRunning(null)} />
    </Stack>
  );
}
