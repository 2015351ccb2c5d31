import { Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import type { CorrectionReview, PrivacyRequestAction } from '../../../api/use-privacy-requests';
import { CORRECTION_DECISION_LABELS, CORRECTION_FIELD_LABELS } from '../../../labels';

interface Props {
  corrections: CorrectionReview[];
  version: number;
  /** Open request, officer may write, match confirmed. */
  canDecide: boolean;
  matched: boolean;
  pending: string | null;
  run: (body: PrivacyRequestAction) => void;
}

/**
 * A rectification's proposals, current against proposed per field: Apply writes the value into
 * the confirmed person's record (through the CRM, audited), Keep leaves the record as it is.
 */
export function CorrectionsReview({ corrections, version, canDecide, matched, pending, run }: Props) {
  return (
    <Card withBorder component="section" aria-labelledby="corrections">
      <Title order={2} size="h4" id="corrections" mb="xs">
        Proposed corrections
      </Title>
      {!matched && (
        <Text size="sm" c="dimmed" mb="sm">
          Confirm who the requester is first: a correction is applied to the confirmed person’s record.
        </Text>
      )}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Field</Table.Th>
            <Table.Th>Now</Table.Th>
            <Table.Th>Proposed</Table.Th>
            <Table.Th>Decision</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {corrections.map((correction) => {
            const label = CORRECTION_FIELD_LABELS[correction.field] ?? correction.field;
            const decision = CORRECTION_DECISION_LABELS[correction.decision];
            return (
              <Table.Tr key={correction.field}>
                <Table.Td>{label}</Table.Td>
                <Table.Td>{correction.current ?? <Text c="dimmed">—</Text>}</Table.Td>
                <Table.Td>{correction.proposed ?? <Text c="dimmed">(erased)</Text>}</Table.Td>
                <Table.Td>
                  {correction.decision === 'proposed' && canDecide ? (
                    <Group gap="xs">
                      <Button
                        size="xs"
                        disabled={!matched}
                        loading={pending === `${correction.field}:apply`}
                        aria-label={`Apply the new ${label.toLowerCase()}`}
                        onClick={() =>
                          run({ action: 'corrections', version, field: correction.field, decision: 'apply' })
                        }
                      >
                        Apply
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        loading={pending === `${correction.field}:keep`}
                        aria-label={`Keep the current ${label.toLowerCase()}`}
                        onClick={() =>
                          run({ action: 'corrections', version, field: correction.field, decision: 'keep' })
                        }
                      >
                        Keep
                      </Button>
                    </Group>
                  ) : (
                    <Badge color={decision?.color ?? 'gray'} variant="light">
                      {decision?.label ?? correction.decision}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
