import { Center, Loader, Tabs, Title } from '@mantine/core';
import { problemOf } from '../../../api/problems';
import { useOwnOrganization, usePolicyDraft } from '../../../api/use-privacy-admin';
import { PolicyDocumentTab } from './policy-document-tab';

/**
 * `/admin/privacy`: the organization's notice, and for the operator's privacy staff the
 * platform policy too. The API decides who edits the platform policy (403 for everyone
 * else), so the tab shows when it answers.
 */
export function PrivacyAdminPage() {
  const organization = useOwnOrganization();
  const platform = usePolicyDraft('platform');
  const platformAllowed = !(problemOf(platform.error)?.problem.status === 403) && !platform.isPending;
  if (organization.isPending) {
    return (
      <Center h={200}>
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  return (
    <>
      <Title order={1}>Privacy policy</Title>
      <Tabs defaultValue="notice" mt="md" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="notice">Our privacy notice</Tabs.Tab>
          {platformAllowed && <Tabs.Tab value="platform">Platform policy</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="notice">
          <PolicyDocumentTab document="notice" slug={organization.data?.slug} />
        </Tabs.Panel>
        {platformAllowed && (
          <Tabs.Panel value="platform">
            <PolicyDocumentTab document="platform" slug={undefined} />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}
