import { Alert, Anchor, Button, Center, Container, List, Loader, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { problemOf } from '../../api/problems';
import { usePolicyHistory, usePolicyVersion, usePublishedPolicy } from '../../api/use-privacy-policy';
import { usePageTitle } from '../../layout/page-title';
import { formatDate, PolicyDocumentView } from './policy-document';
import classes from './policy-document.module.css';

const basePath = (slug: string | undefined) => (slug ? `/privacy/${slug}` : '/privacy');

function Loading({ label }: { label: string }) {
  return (
    <Center h={200}>
      <Loader aria-label={label} />
    </Center>
  );
}

function Failure({ error }: { error: unknown }) {
  if (problemOf(error)?.problem.status === 404) {
    return (
      <Container size={520} my={60} ta="center">
        <Title order={1}>No such organization</Title>
        <Text c="dimmed" mt="sm">
          No organization publishes a privacy notice at this address. Check the link you followed.
        </Text>
        <Button component={Link} to="/privacy" mt="lg" variant="light">
          Read the platform's privacy policy
        </Button>
      </Container>
    );
  }
  return (
    <Alert color="red" title="The policy could not be loaded">
      {problemOf(error)?.message ?? 'Try again in a moment.'}
    </Alert>
  );
}

function VersionHistory({ slug, current }: { slug: string | undefined; current?: number }) {
  const history = usePolicyHistory(slug);
  if (!history.data) return null;
  return (
    <section aria-labelledby="policy-history" className={classes.noPrint}>
      <Title order={2} fz="h3" id="policy-history" mt="xl">
        Version history
      </Title>
      <List mt="xs" spacing="xs" aria-label="Versions">
        {history.data.items.map((item) => (
          <List.Item key={item.number}>
            {item.number === current ? (
              <Text span fw={600}>
                Version {item.number} (current)
              </Text>
            ) : (
              <Anchor component={Link} to={`${basePath(slug)}/versions/${item.number}`}>
                Version {item.number}
              </Anchor>
            )}{' '}
            · effective {formatDate(item.effectiveDate)}
            {item.changeNote ? ` — ${item.changeNote}` : ''}
          </List.Item>
        ))}
      </List>
    </section>
  );
}

/** `/privacy` (the platform's policy) and `/privacy/:slug` (an organization's notice), open to anyone. */
export function PublicPolicyPage() {
  const { slug } = useParams();
  const policy = usePublishedPolicy(slug);
  const title = policy.data
    ? policy.data.organization
      ? `${policy.data.title} — ${policy.data.organization.name}`
      : policy.data.title
    : undefined;
  usePageTitle(title ?? (policy.isError ? 'Privacy' : 'Loading privacy policy'));
  if (policy.isPending) return <Loading label="Loading the privacy policy" />;
  if (policy.isError) return <Failure error={policy.error} />;
  return (
    <Container size="md" px={0}>
      <PolicyDocumentView title={title ?? policy.data.title} version={policy.data} />
      <VersionHistory slug={slug} current={policy.data.number} />
    </Container>
  );
}

/** `/privacy/versions/:number` and `/privacy/:slug/versions/:number`: a retired version, as published. */
export function PolicyVersionPage() {
  const { slug, number } = useParams();
  const wanted = Number(number);
  const current = usePublishedPolicy(slug);
  const version = usePolicyVersion(slug, wanted);
  const name = current.data?.title ?? 'Privacy policy';
  usePageTitle(`${name}, version ${number}`);
  if (version.isPending || current.isPending) return <Loading label="Loading this version" />;
  if (version.isError) return <Failure error={version.error} />;
  if (current.isError) return <Failure error={current.error} />;
  const retired = version.data.number !== current.data.number;
  return (
    <Container size="md" px={0}>
      {retired && (
        <Alert
          color="yellow"
          variant="light"
          mb="md"
          title={`You are reading version ${version.data.number} (retired)`}
        >
          This version is no longer in force.{' '}
          <Anchor component={Link} to={basePath(slug)}>
            See the current version
          </Anchor>
          .
        </Alert>
      )}
      <PolicyDocumentView title={name} version={version.data} />
      <VersionHistory slug={slug} current={current.data.number} />
    </Container>
  );
}
