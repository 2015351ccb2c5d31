import { Alert, Anchor, Button, Center, Divider, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { problemOf } from '../../../api/problems';
import { type PolicyDocumentKind, usePolicyDraft, useStartDraft } from '../../../api/use-privacy-admin';
import { usePublishedPolicy } from '../../../api/use-privacy-policy';
import { versionLine } from '../../privacy/policy-document';
import { DraftEditor } from './draft-editor';
import { PrivacyContactSection } from './privacy-contact-form';
import { ProcessorsEditor } from './processors-editor';

/** What readers see now, and the link to it. */
function PublishedSummary({ slug }: { slug: string | undefined }) {
  const published = usePublishedPolicy(slug);
  const href = slug ? `/privacy/${slug}` : '/privacy';
  return (
    <Paper withBorder p="md">
      <Title order={3}>Published</Title>
      {published.data && <Text mt={4}>{versionLine(published.data)}</Text>}
      {published.data?.changeNote && <Text c="dimmed">{published.data.changeNote}</Text>}
      <Anchor component={Link} to={href}>
        Read the public page
      </Anchor>
    </Paper>
  );
}

function DraftSection({ document }: { document: PolicyDocumentKind }) {
  const draft = usePolicyDraft(document);
  const start = useStartDraft(document);
  if (draft.isPending) {
    return (
      <Center h={120}>
        <Loader aria-label="Loading the draft" />
      </Center>
    );
  }
  if (draft.isError) return <Alert color="red">{problemOf(draft.error)?.message}</Alert>;
  const current = draft.data.draft;
  return (
    <Stack>
      <Title order={3}>Draft</Title>
      {current ? (
        <DraftEditor
          key={current.draftVersion}
          document={document}
          draft={current}
          onReload={() => void draft.refetch()}
        />
      ) : (
        <>
          <Text c="dimmed">No draft is open. A draft starts from the published text.</Text>
          <div>
            <Button onClick={() => start.mutate()} loading={start.isPending}>
              Start a draft
            </Button>
          </div>
        </>
      )}
    </Stack>
  );
}

/** One document's published version, its draft, and the facts only it states (processors, contact). */
export function PolicyDocumentTab({ document, slug }: { document: PolicyDocumentKind; slug: string | undefined }) {
  return (
    <Stack gap="lg" pt="md">
      <PublishedSummary slug={slug} />
      <DraftSection document={document} />
      <Divider />
      <ProcessorsEditor document={document} />
      <Divider />
      <PrivacyContactSection document={document} />
    </Stack>
  );
}
