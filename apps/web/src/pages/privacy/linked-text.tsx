import { Anchor } from '@mantine/core';
import { Fragment } from 'react';

const URL_PATTERN = /(https?:\/\/[^\s)]+[^\s).,;:])/g;

/**
 * Text with its web addresses made links, but only those on this origin (the request form,
 * this policy): the policy is text, and an address elsewhere stays text to read, not a
 * link to follow. Never rendered as HTML.
 */
export function LinkedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, index) => {
        const key = `${index}:${part.slice(0, 12)}`;
        if (index % 2 === 1 && sameOrigin(part)) {
          return (
            <Anchor key={key} href={part}>
              {part}
            </Anchor>
          );
        }
        return <Fragment key={key}>{part}</Fragment>;
      })}
    </>
  );
}

function sameOrigin(address: string): boolean {
  try {
    return new URL(address).origin === window.location.origin;
  } catch {
    return false;
  }
}
