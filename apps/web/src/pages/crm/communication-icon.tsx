import { ThemeIcon } from '@mantine/core';

/** Simple line icons (the app ships no icon set), one per kind of communication. */
const PATHS: Record<string, string> = {
  // A telephone handset.
  call: 'M5 4h3l2 5-2.5 1.5a11 11 0 0 0 6 6L15 14l5 2v3a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2',
  // An envelope.
  email: 'M3 5h18v14H3z M3 6l9 7 9-7',
  // Two people.
  meeting: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6 M3 20v-1a5 5 0 0 1 10 0v1 M16 11a3 3 0 1 0 0-6 M17 14a5 5 0 0 1 4 5v1',
  // A sheet with lines.
  note: 'M6 3h9l4 4v14H6z M14 3v5h5 M9 12h7 M9 16h7',
};

const COLORS: Record<string, string> = { call: 'teal', email: 'blue', meeting: 'grape', note: 'yellow' };

export function CommunicationIcon({ kind, size = 24 }: { kind: string; size?: number }) {
  return (
    <ThemeIcon color={COLORS[kind] ?? 'gray'} variant="light" radius="xl" size={size} aria-hidden>
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        width={size * 0.6}
        height={size * 0.6}
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d={PATHS[kind] ?? PATHS.note} />
      </svg>
    </ThemeIcon>
  );
}
