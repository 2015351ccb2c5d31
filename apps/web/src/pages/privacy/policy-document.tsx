import { Alert, List, Stack, Text, Title } from '@mantine/core';
import type { PolicyVersion } from '../../api/use-privacy-policy';
import { LinkedText } from './linked-text';
import classes from './policy-document.module.css';

/** Paragraphs are separated by a blank line in the stored prose. */
const paragraphsOf = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

const formatDate = (value: string | null | undefined) =>
  value
    ? new Date(value.length === 10 ? `${value}T00:00:00` : value).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      })
    : 'not yet';

/** "Version 3 · Effective 2 December 2026 · Last updated 2 December 2026". */
export function versionLine(version: Pick<PolicyVersion, 'number' | 'effectiveDate' | 'lastUpdated'>): string {
  return `Version ${version.number} · Effective ${formatDate(version.effectiveDate)} · Last updated ${formatDate(version.lastUpdated)}`;
}

export { formatDate };

/**
 * One version of a policy as readers see it: its sections' prose, the statements rendered
 * from live facts, and closing words. Shared by the public pages, the acceptance page and
 * the admin preview. `headingLevel` is the level of the section titles.
 */
export function PolicyDocumentView({
  title,
  version,
  headingLevel = 2,
}: {
  title: string;
  version: PolicyVersion;
  headingLevel?: 2 | 3;
}) {
  return (
    <article className={classes.document} aria-label={title}>
      <Title order={headingLevel === 2 ? 1 : 2}>{title}</Title>
      <Text c="dimmed" size="sm" mt={4}>
        {versionLine(version)}
      </Text>
      {version.factsChangedSincePublication && (
        <Alert variant="light" color="blue" mt="sm" className={classes.noPrint}>
          Some settings this policy describes have changed since it was published; you are reading the current facts.
          Updated facts are being reviewed.
        </Alert>
      )}
      <Stack gap="lg" mt="lg">
        {version.sections.map((section) => (
          <section key={section.key} aria-labelledby={`policy-${section.key}`}>
            <Title order={headingLevel} id={`policy-${section.key}`} fz="h3">
              {section.title}
            </Title>
            {paragraphsOf(section.prose).map((paragraph) => (
              <Text key={paragraph} mt="xs" className={classes.paragraph}>
                <LinkedText text={paragraph} />
              </Text>
            ))}
            {section.statements.length > 0 && (
              <List mt="xs" spacing={4} className={classes.statements}>
                {section.statements.map((statement) => (
                  <List.Item key={statement}>
                    <LinkedText text={statement} />
                  </List.Item>
                ))}
              </List>
            )}
            {paragraphsOf(section.closing).map((paragraph) => (
              <Text key={paragraph} mt="xs" className={classes.paragraph}>
                <LinkedText text={paragraph} />
              </Text>
            ))}
          </section>
        ))}
      </Stack>
    </article>
  );
}
