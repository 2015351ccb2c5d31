import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Loader,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import '../work.css';
import { useBranches } from '../../../api/use-branches';
import { useClientNames } from '../../../api/use-client-lookup';
import { type ScheduleEntry, useScheduleWindow } from '../../../api/use-schedule';
import { useStaff } from '../../../api/use-staff';
import { useAuth } from '../../../auth/auth-context';
import { usePermissions } from '../../../auth/use-permissions';
import { wallClock } from '../../../i18n/calendar';
import { formatDateRange } from '../../../i18n/format';
import { useLocaleSettings } from '../../../i18n/use-locale';
import { addDays, atTime, formatDay, formatTime, sameDay, startOfDay, startOfWeek } from '../dates';
import { FIRST_HOUR, GRID_MINUTES, LAST_HOUR, type PlacedEntry, placeDay } from './calendar-layout';
import { type EntryDefaults, ScheduleEntryModal, timeRange } from './schedule-entry-modal';

type View = 'week' | 'day';
const HOUR_PX = 48;
const PX_PER_MINUTE = HOUR_PX / 60;
const HOURS = Array.from({ length: LAST_HOUR - FIRST_HOUR }, (_, index) => FIRST_HOUR + index);
const EVERYONE = 'everyone';
const STAFF_ROLES = ['owner', 'admin', 'manager', 'agent'];

const KIND_COLORS: Record<ScheduleEntry['kind'], string> = { appointment: 'cyan', job_visit: 'violet' };

function rangeLabel(view: View, from: Date): string {
  if (view === 'day') return formatDay(from, { weekday: 'long', year: 'numeric', month: 'long' });
  return formatDateRange(from, addDays(from, 6));
}

/** The calendar: a week or a day of one person's (or a branch's) appointments and visits. */
export function SchedulePage() {
  const { user } = useAuth();
  const { can } = usePermissions();
  // Days, hours and "today" are the reader's, in their profile's zone: re-render when it changes.
  useLocaleSettings();
  const staff = useStaff();
  const branches = useBranches();
  // A week of columns does not fit a phone: there the calendar opens on the day.
  const [view, setView] = useState<View>(() =>
    globalThis.matchMedia('(max-width: 47.99em)').matches ? 'day' : 'week',
  );
  const [anchor, setAnchor] = useState(() => new Date());
  // People who do the work open their own calendar; viewers have none and see everyone's.
  const [assignee, setAssignee] = useState<string>(() =>
    user && STAFF_ROLES.includes(user.role) ? user.id : EVERYONE,
  );
  const [branchId, setBranchId] = useState<string | null>(null);
  const [editing, setEditing] = useState<ScheduleEntry | null>(null);
  const [creating, setCreating] = useState<EntryDefaults | null>(null);
  const mayWrite = can('schedules:write');

  const from = view === 'week' ? startOfWeek(anchor) : startOfDay(anchor);
  const days = Array.from({ length: view === 'week' ? 7 : 1 }, (_, index) => addDays(from, index));
  const to = addDays(from, days.length);
  const window = useScheduleWindow({ from, to, assigneeId: assignee === EVERYONE ? null : assignee, branchId });
  const entries = window.data?.items ?? [];
  const clientNames = useClientNames(entries.map((entry) => entry.clientId));
  const step = (direction: 1 | -1) => setAnchor((current) => addDays(current, direction * days.length));
  const today = new Date();

  const assigneeOptions = [
    ...staff.members.map((member) => ({
      value: member.id,
      label: member.id === user?.id ? `${member.name} (you)` : member.name,
    })),
    { value: EVERYONE, label: 'Everyone' },
  ];

  function newEntry(startsAt?: Date) {
    const start = startsAt ?? nextHour();
    setCreating({
      startsAt: start,
      endsAt: new Date(start.getTime() + 3_600_000),
      assigneeId: assignee === EVERYONE ? user?.id : assignee,
      branchId,
    });
  }

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Schedule</Title>
          <Text c="dimmed" size="sm">
            Appointments and job visits. Click an empty hour to book it, or an entry to change it.
          </Text>
        </div>
        {mayWrite && <Button onClick={() => newEntry()}>New appointment</Button>}
      </Group>

      <Group justify="space-between" align="flex-end" gap="sm">
        <Group gap="xs" align="flex-end">
          <Button.Group>
            <Button
              variant="default"
              onClick={() => step(-1)}
              aria-label={view === 'week' ? 'Previous week' : 'Previous day'}
            >
              ‹
            </Button>
            <Button variant="default" onClick={() => setAnchor(new Date())}>
              Today
            </Button>
            <Button variant="default" onClick={() => step(1)} aria-label={view === 'week' ? 'Next week' : 'Next day'}>
              ›
            </Button>
          </Button.Group>
          <Title order={2} size="h4" aria-live="polite" ml="xs">
            {rangeLabel(view, from)}
          </Title>
          {window.isFetching && <Loader size="xs" aria-label="Loading the calendar" />}
        </Group>
        <Group gap="sm" align="flex-end">
          <Select
            label="Person"
            data={assigneeOptions}
            value={assignee}
            onChange={(value) => setAssignee(value ?? EVERYONE)}
            allowDeselect={false}
            searchable
            w={220}
          />
          <Select
            label="Branch"
            placeholder="All branches"
            data={(branches.data?.items ?? []).map((branch) => ({ value: branch.id, label: branch.name }))}
            value={branchId}
            onChange={setBranchId}
            clearable
            w={180}
          />
          <SegmentedControl
            aria-label="View"
            data={[
              { value: 'week', label: 'Week' },
              { value: 'day', label: 'Day' },
            ]}
            value={view}
            onChange={(value) => setView(value as View)}
          />
        </Group>
      </Group>

      {window.isError && (
        <Alert color="red" role="alert" title="Could not load the calendar">
          {window.error.message}
        </Alert>
      )}
      {window.data?.truncated && (
        <Alert color="yellow" title="Not everything is shown">
          This period holds more entries than one answer carries. Choose a person or a branch to see them all.
        </Alert>
      )}

      <ScrollArea type="auto" offsetScrollbars>
        <Paper withBorder radius="md" miw={view === 'week' ? 860 : 360} component="section" aria-label="Calendar">
          <Group
            wrap="nowrap"
            gap={0}
            align="stretch"
            aria-hidden
            style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
          >
            <Box w={64} style={{ flexShrink: 0 }} />
            {days.map((day) => {
              const isToday = sameDay(day, today);
              return (
                <Box
                  key={day.toISOString()}
                  style={{ flex: 1, minWidth: 0, borderLeft: '1px solid var(--mantine-color-default-border)' }}
                  p={6}
                  ta="center"
                >
                  <Text size="sm" fw={isToday ? 700 : 500} c={isToday ? 'cyan' : undefined}>
                    {formatDay(day)}
                  </Text>
                </Box>
              );
            })}
          </Group>
          <Group wrap="nowrap" gap={0} align="stretch">
            <Box w={64} style={{ flexShrink: 0, position: 'relative' }} h={GRID_MINUTES * PX_PER_MINUTE} aria-hidden>
              {HOURS.map((hour) => (
                <Text
                  key={hour}
                  size="xs"
                  c="dimmed"
                  style={{ position: 'absolute', top: (hour - FIRST_HOUR) * HOUR_PX + 2, right: 6 }}
                >
                  {hourLabel(hour)}
                </Text>
              ))}
            </Box>
            {days.map((day) => (
              <DayColumn
                key={day.toISOString()}
                day={day}
                placed={placeDay(entries, day)}
                clientNames={clientNames}
                nameOf={staff.nameOf}
                showAssignee={assignee === EVERYONE}
                mayWrite={mayWrite}
                onSlot={(startsAt) => newEntry(startsAt)}
                onEntry={setEditing}
              />
            ))}
          </Group>
        </Paper>
      </ScrollArea>
      {window.isSuccess && entries.length === 0 && (
        <Text size="sm" c="dimmed" ta="center">
          Nothing booked {view === 'week' ? 'this week' : 'this day'}.
        </Text>
      )}

      {creating && (
        <ScheduleEntryModal entry={null} defaults={creating} knownEntries={entries} onClose={() => setCreating(null)} />
      )}
      {editing && (
        <ScheduleEntryModal
          key={editing.id}
          entry={editing}
          readOnly={!mayWrite}
          knownEntries={entries}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

/** "07:00" or "7 AM", as the reader's locale writes hours. */
function hourLabel(hour: number): string {
  return formatTime(atTime(new Date(), hour));
}

/** The start of the reader's next hour. */
function nextHour(): Date {
  const now = new Date();
  return atTime(now, wallClock(now).hours + 1);
}

function DayColumn({
  day,
  placed,
  clientNames,
  nameOf,
  showAssignee,
  mayWrite,
  onSlot,
  onEntry,
}: {
  day: Date;
  placed: PlacedEntry[];
  clientNames: Map<string, string>;
  nameOf: (id: string) => string;
  showAssignee: boolean;
  mayWrite: boolean;
  onSlot: (startsAt: Date) => void;
  onEntry: (entry: ScheduleEntry) => void;
}) {
  return (
    <Box
      component="section"
      aria-label={formatDay(day, { weekday: 'long', month: 'long' })}
      style={{
        flex: 1,
        minWidth: 0,
        position: 'relative',
        borderLeft: '1px solid var(--mantine-color-default-border)',
      }}
      h={GRID_MINUTES * PX_PER_MINUTE}
    >
      {HOURS.map((hour) => {
        const startsAt = atTime(day, hour);
        const style = {
          position: 'absolute' as const,
          top: (hour - FIRST_HOUR) * HOUR_PX,
          left: 0,
          right: 0,
          height: HOUR_PX,
          borderTop: hour === FIRST_HOUR ? undefined : '1px solid var(--mantine-color-default-border)',
        };
        return mayWrite ? (
          <UnstyledButton
            key={hour}
            style={style}
            tabIndex={-1}
            aria-label={`Book ${formatDay(day, { weekday: 'long', month: 'long' })} at ${formatTime(startsAt)}`}
            onClick={() => onSlot(startsAt)}
            className="work-calendar-slot"
          />
        ) : (
          <Box key={hour} style={style} />
        );
      })}
      {placed.map((item) => (
        <EntryBlock
          key={item.entry.id}
          item={item}
          clientName={item.entry.clientId ? clientNames.get(item.entry.clientId) : undefined}
          assigneeName={showAssignee ? nameOf(item.entry.assigneeId) : undefined}
          onClick={() => onEntry(item.entry)}
        />
      ))}
    </Box>
  );
}

function EntryBlock({
  item,
  clientName,
  assigneeName,
  onClick,
}: {
  item: PlacedEntry;
  clientName?: string;
  assigneeName?: string;
  onClick: () => void;
}) {
  const { entry } = item;
  const startsAt = new Date(entry.startsAt);
  const endsAt = new Date(entry.endsAt);
  const cancelled = entry.status === 'cancelled';
  const color = cancelled ? 'gray' : entry.status === 'done' ? 'teal' : KIND_COLORS[entry.kind];
  const width = 100 / item.lanes;
  const details = [
    entry.kind === 'job_visit' ? 'Job visit' : 'Appointment',
    clientName,
    assigneeName,
    cancelled ? 'cancelled' : entry.status === 'done' ? 'done' : undefined,
  ].filter(Boolean);
  return (
    <UnstyledButton
      onClick={onClick}
      aria-label={`${entry.title}, ${timeRange(startsAt, endsAt)}${details.length ? ` (${details.join(', ')})` : ''}`}
      style={{
        position: 'absolute',
        top: item.top * PX_PER_MINUTE,
        height: item.height * PX_PER_MINUTE - 2,
        left: `calc(${item.lane * width}% + 2px)`,
        width: `calc(${width}% - 4px)`,
        overflow: 'hidden',
        borderRadius: 6,
        padding: '2px 6px',
        background: `var(--mantine-color-${color}-light)`,
        borderLeft: `3px solid var(--mantine-color-${color}-filled)`,
        opacity: cancelled ? 0.6 : 1,
        zIndex: 1,
      }}
    >
      <Text size="xs" fw={600} lineClamp={1} td={cancelled ? 'line-through' : undefined}>
        {item.clippedStart ? '↑ ' : ''}
        {entry.title}
      </Text>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {formatTime(startsAt)}–{formatTime(endsAt)}
        {item.clippedEnd ? ' ↓' : ''}
      </Text>
      {(clientName || assigneeName) && (
        <Text size="xs" lineClamp={1}>
          {[clientName, assigneeName].filter(Boolean).join(' · ')}
        </Text>
      )}
      {entry.kind === 'job_visit' && item.height >= 60 && (
        <Badge size="xs" variant="outline" color={color}>
          Visit
        </Badge>
      )}
    </UnstyledButton>
  );
}
