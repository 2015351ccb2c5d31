import { Alert, Anchor, Button, Code, CopyButton, Group, List, Progress, Stack, Text } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { AuditBrokenLink, AuditVerification } from '../../../api/use-audit';
import { formatNumber } from '../../../i18n/format';
import { BREAK_REASON_LABELS } from '../../../labels';
import { formatInstant } from './audit-words';

const reasonOf = (link: AuditBrokenLink) => BREAK_REASON_LABELS[link.reason] ?? link.reason;

/** The check reads the whole chain: on a long trail that takes a while, so show it is working. */
function Running() {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds((elapsed) => elapsed + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <Alert color="blue" title="Verifying the integrity of the trail…" role="status">
      <Stack gap="xs">
        <Text size="sm">
          Recomputing the hash of every entry and its link to the one before
          {seconds > 0 ? ` (${seconds} s)` : ''}. A long trail takes a few seconds.
        </Text>
        <Progress value={100} striped animated aria-label="Verifying the audit trail" />
      </Stack>
    </Alert>
  );
}

function Intact({ report }: { report: AuditVerification }) {
  return (
    <Stack gap="xs">
      <Text size="sm">
        {report.checkedEntries === 0
          ? 'There are no entries to check yet.'
          : `${formatNumber(report.checkedEntries)} ${report.checkedEntries === 1 ? 'entry' : 'entries'} checked, from #${report.firstSeq} to #${report.lastSeq}: each matches its hash and follows from the one before.`}
      </Text>
      {report.headHash && (
        <div>
          <Text size="sm">
            Hash of the newest entry (keep a copy elsewhere to detect a rewrite of the whole trail):
          </Text>
          <Group gap="xs" wrap="nowrap" mt={4}>
            <Code aria-label="Head hash" style={{ wordBreak: 'break-all' }}>
              {report.headHash}
            </Code>
            <CopyButton value={report.headHash}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="light" onClick={copy}>
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </div>
      )}
    </Stack>
  );
}

function Broken({ report, onShowEntry }: { report: AuditVerification; onShowEntry: (seq: string) => void }) {
  const first = report.firstBroken ?? report.broken[0];
  return (
    <Stack gap="xs">
      {first && (
        <Text size="sm">
          The first broken entry is{' '}
          <Anchor component="button" type="button" size="sm" onClick={() => onShowEntry(first.seq)}>
            #{first.seq}
          </Anchor>
          : {reasonOf(first)}
        </Text>
      )}
      <Text size="sm">
        {formatNumber(report.checkedEntries)} entries checked
        {report.firstSeq ? `, from #${report.firstSeq} to #${report.lastSeq}` : ''}. Every break found
        {report.broken.length >= 100 ? ' (the first 100)' : ''}:
      </Text>
      <List size="sm" aria-label="Broken entries">
        {report.broken.map((link) => (
          <List.Item key={`${link.seq}-${link.reason}`}>
            <Anchor component="button" type="button" size="sm" onClick={() => onShowEntry(link.seq)}>
              Entry #{link.seq}
            </Anchor>{' '}
            {reasonOf(link)}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** What "Verify integrity" found: intact (green) or where the chain breaks (red). */
export function AuditVerificationResult({
  verify,
  onShowEntry,
}: {
  verify: UseMutationResult<AuditVerification, Error, void>;
  onShowEntry: (seq: string) => void;
}) {
  if (verify.isPending) return <Running />;
  if (verify.isError) {
    return (
      <Alert color="red" title="Could not verify the trail" role="alert" withCloseButton onClose={verify.reset}>
        {verify.error.message}
      </Alert>
    );
  }
  const report = verify.data;
  if (!report) return null;
  const checkpoint = report.checkpoint;
  return (
    <Alert
      color={report.intact ? 'teal' : 'red'}
      title={report.intact ? 'The audit trail is intact' : 'The audit trail has been tampered with'}
      role={report.intact ? 'status' : 'alert'}
      withCloseButton
      closeButtonLabel="Dismiss the result"
      onClose={verify.reset}
    >
      <Stack gap="xs">
        {report.intact ? <Intact report={report} /> : <Broken report={report} onShowEntry={onShowEntry} />}
        {checkpoint && (
          <Text size="sm">
            The check starts at the retention checkpoint #{checkpoint.seq}: {formatNumber(checkpoint.purgedCount)}{' '}
            entries older than {formatInstant(checkpoint.purgedBefore)} were removed under the retention policy.
          </Text>
        )}
        <Text size="xs" c="dimmed">
          Checked {formatInstant(report.verifiedAt)}.
        </Text>
      </Stack>
    </Alert>
  );
}
