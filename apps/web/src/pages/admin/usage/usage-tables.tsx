import { Card, Code, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { UsageName, UsageReport } from '../../../api/use-usage';

function TopTable({ title, id, rows, nameLabel }: { title: string; id: string; rows: UsageName[]; nameLabel: string }) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          None in this period.
        </Text>
      ) : (
        <Table aria-labelledby={id} style={{ overflowWrap: 'anywhere' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{nameLabel}</Table.Th>
              <Table.Th ta="right">Uses</Table.Th>
              <Table.Th ta="right">Visits</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.name}>
                <Table.Td>
                  <Code>{row.name}</Code>
                </Table.Td>
                <Table.Td ta="right">{row.events}</Table.Td>
                <Table.Td ta="right">{row.sessions}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** The most visited pages, the most used features, and the browser families. */
export function UsageTables({ report }: { report: UsageReport }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <TopTable
        title="Top pages"
        id="usage-top-pages"
        nameLabel="Page"
        rows={report.top.filter((row) => row.type === 'page-view')}
      />
      <TopTable
        title="Top features"
        id="usage-top-features"
        nameLabel="Feature"
        rows={report.top.filter((row) => row.type === 'feature')}
      />
      <Card withBorder component="section" aria-labelledby="usage-browsers">
        <Title order={2} size="h4" id="usage-browsers" mb="sm">
          Browsers
        </Title>
        <Table aria-labelledby="usage-browsers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Browser</Table.Th>
              <Table.Th ta="right">Visits</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.browsers.map((row) => (
              <Table.Tr key={row.browser}>
                <Table.Td>{row.browser}</Table.Td>
                <Table.Td ta="right">{row.sessions}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </SimpleGrid>
  );
}
