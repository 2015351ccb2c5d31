import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { components } from '#api-client';
import { saveFile } from '../../../components/save-file';
import { formatDateTime } from '../../../i18n/format';

type ErasureReceipt = components['schemas']['ErasureReceiptDto'];

const when = (value: string | null) => (value ? formatDateTime(value) : 'Still running');

/**
 * The receipts of the erasures a request started: category by category, what was deleted or
 * de-identified and what the law keeps. They survive the erasure; the officer downloads one
 * to send to the requester.
 */
export function ErasureReceipts({ receipts, requestId }: { receipts: ErasureReceipt[]; requestId: string }) {
  return (
    <Card withBorder component="section" aria-labelledby="erasure-receipts">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="erasure-receipts">
            Erasure receipts
          </Title>
          <Button
            variant="default"
            size="xs"
            onClick={() =>
              saveFile(
                new Blob([JSON.stringify({ request: requestId, erasures: receipts }, null, 2)], {
                  type: 'application/json',
                }),
                `erasure-receipt-${requestId}.json`,
              )
            }
          >
            Download receipt
          </Button>
        </Group>
        {receipts.map((receipt) => (
          <Stack key={receipt.erasureId} gap={4}>
            <Text size="sm">
              {receipt.subjectKind === 'user' ? 'Account' : 'Contact'} erasure · requested {when(receipt.requestedAt)} ·
              completed {when(receipt.completedAt)}
              {receipt.keyDestroyedAt ? ' · key destroyed' : ''}
            </Text>
            <Table.ScrollContainer minWidth={480}>
              <Table aria-label={`Receipt of erasure ${receipt.erasureId}`} striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Category</Table.Th>
                    <Table.Th>Done</Table.Th>
                    <Table.Th>Records</Table.Th>
                    <Table.Th>Kept by law</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {receipt.categories.map((category) => (
                    <Table.Tr key={category.category}>
                      <Table.Td>{category.category}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={category.mode === 'delete' ? 'teal' : 'yellow'}>
                          {category.mode === 'delete' ? 'Deleted' : 'De-identified'}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{category.affected}</Table.Td>
                      <Table.Td>
                        {category.retainedRecords
                          ? `${category.retainedRecords}: ${category.retainedReason ?? ''}`
                          : '—'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
