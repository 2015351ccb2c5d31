import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { problemOf } from '../../../api/problems';
import {
  type RetentionRule,
  useRetentionPreview,
  useRetentionRun,
  useRunRetentionRule,
} from '../../../api/use-retention';
import { periodText, purgedTotal, rowsText } from './retention-words';
import { RunReceipt } from './run-receipt';

/**
 * "Run now": asks first, saying how many rows will be deleted and that it cannot be undone;
 * then follows the run until it ends and shows its receipt.
 */
export function RunNowModal({ rule, onClose }: { rule: RetentionRule | null; onClose: () => void }) {
  const [runId, setRunId] = useState<string | null>(null);
  const start = useRunRetentionRule();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh question each time the modal opens
  useEffect(() => {
    setRunId(null);
    start.reset();
  }, [rule?.key]);
  return (
    <Modal
      opened={rule !== null}
      onClose={onClose}
      centered
      size="lg"
      title={rule ? (runId ? `Run: ${rule.title}` : `Run ${rule.title} now?`) : 'Run now'}
    >
      {rule &&
        (runId ? (
          <RunProgress runId={runId} rule={rule} onClose={onClose} />
        ) : (
          <RunQuestion
            rule={rule}
            busy={start.isPending}
            error={start.error}
            onConfirm={() => start.mutate(rule.key, { onSuccess: (run) => setRunId(run.id) })}
            onClose={onClose}
          />
        ))}
    </Modal>
  );
}

function RunQuestion({
  rule,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  rule: RetentionRule;
  busy: boolean;
  error: Error | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const preview = useRetentionPreview(rule.key);
  const problem = problemOf(error);
  const running = problem?.problem.code === 'rule-running';
  return (
    <Stack>
      {running ? (
        <Alert color="yellow" role="alert" title="This rule is running already">
          A run of this rule (scheduled, or started by someone else) is still going on, and only one runs at a time. Its
          receipt appears in the purge history when it ends; try again after that.
        </Alert>
      ) : (
        error && (
          <Alert color="red" role="alert" title="The run did not start">
            {error.message}
          </Alert>
        )
      )}
      {preview.isPending ? (
        <Loader size="sm" aria-label="Counting what the rule would delete" />
      ) : preview.isError ? (
        <Text size="sm">The count could not be made: {preview.error.message}</Text>
      ) : (
        <Text size="sm">
          {preview.data.eligible === 0
            ? 'Nothing in your organization is past the period now: the run would delete nothing.'
            : `${rowsText(preview.data.eligible)} of your organization past the period (${periodText(rule.value, rule.unit)}) will be deleted now. This cannot be undone.`}
          {preview.data.held > 0 && ` ${rowsText(preview.data.held)} under a legal hold will be kept.`}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button color="red" loading={busy} disabled={!preview.isSuccess || running} onClick={onConfirm}>
          Delete now
        </Button>
      </Group>
    </Stack>
  );
}

function RunProgress({ runId, rule, onClose }: { runId: string; rule: RetentionRule; onClose: () => void }) {
  const run = useRetentionRun(runId);
  if (run.isError) {
    return (
      <Alert color="red" role="alert">
        The run started, but its progress could not be read: {run.error.message}. See the purge history.
      </Alert>
    );
  }
  const data = run.data;
  return (
    <Stack>
      {!data || data.status === 'running' ? (
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden />
          <Text size="sm">Deleting in small batches{data ? `: ${rowsText(purgedTotal(data))} so far` : ''}…</Text>
        </Group>
      ) : (
        <>
          <Alert
            color={data.status === 'completed' ? 'teal' : 'red'}
            role="status"
            title={data.status === 'completed' ? 'The run is complete' : 'The run failed'}
          >
            {data.status === 'completed'
              ? `${rowsText(purgedTotal(data))} deleted.`
              : 'It stopped before the end; what it deleted is counted below. The next scheduled run carries on.'}
          </Alert>
          <RunReceipt run={data} period={periodText(data.settingValue, rule.unit)} />
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Close
        </Button>
      </Group>
    </Stack>
  );
}
