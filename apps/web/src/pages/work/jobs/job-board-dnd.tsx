import {
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  type UniqueIdentifier,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { ActionIcon } from '@mantine/core';
import type { CSSProperties, KeyboardEventHandler, PointerEventHandler, ReactNode } from 'react';
import type { Job, JobStatus } from '../../../api/use-jobs';
import { JOB_STATUS_LABELS, JOB_TRANSITIONS, jobNumber } from '../work-labels';
import { nextStatusesInWords } from './use-move-job';

/** What a dragged card carries, and what a column is. */
export interface DraggedJob {
  job: Job;
}

const statusOf = (id: UniqueIdentifier | undefined): JobStatus | undefined =>
  id === undefined ? undefined : (String(id) as JobStatus);

const labelOf = (status: JobStatus | undefined) => (status ? JOB_STATUS_LABELS[status].label : 'no column');

/** Under the pointer when there is one; for the keyboard, the column the card overlaps most. */
export const boardCollisions: CollisionDetection = (args) => {
  const within = args.pointerCoordinates ? pointerWithin(args) : [];
  return within.length ? within : rectIntersection(args);
};

/**
 * Left and right arrows move a picked-up card a whole column at a time (the default moves
 * 25 px a press), placed just below the column's heading so that it overlaps that column only.
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect || (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft')) return undefined;
  event.preventDefault();
  const centre = collisionRect.left + collisionRect.width / 2;
  const columns = droppableContainers
    .getEnabled()
    .map((container) => droppableRects.get(container.id))
    .filter((rect) => rect !== undefined)
    .map((rect) => ({ rect, centre: rect.left + rect.width / 2 }))
    .sort((a, b) => a.centre - b.centre);
  const target =
    event.code === 'ArrowRight'
      ? columns.find((column) => column.centre > centre + 1)
      : columns.filter((column) => column.centre < centre - 1).at(-1);
  if (!target) return currentCoordinates;
  return { x: target.centre - collisionRect.width / 2, y: target.rect.top + 40 };
};

export function useBoardSensors() {
  return useSensors(
    // A click on the card's links and menu stays a click: a drag starts after 8 px of movement.
    useSensor(PointerSensor, { activationConstraint: { distance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );
}

export const screenReaderInstructions = {
  draggable:
    'To move a job to another status, press space or enter on its drag handle, choose a column with the left and ' +
    'right arrow keys, and press space or enter to drop it there. Escape puts it back.',
};

/** What a screen reader hears while a card moves, in the board's words. */
export const boardAnnouncements: Announcements = {
  onDragStart({ active }) {
    const { job } = active.data.current as DraggedJob;
    return `Picked up job ${jobNumber(job.number)}, ${job.title}, in ${labelOf(job.status)}. It can go to ${nextStatusesInWords(job.status)}.`;
  },
  onDragOver({ active, over }) {
    const { job } = active.data.current as DraggedJob;
    const to = statusOf(over?.id);
    if (!to) return `Job ${jobNumber(job.number)} is over no column.`;
    const allowed = to === job.status || JOB_TRANSITIONS[job.status].includes(to);
    return `Job ${jobNumber(job.number)} is over ${labelOf(to)}${allowed ? '' : ', where it cannot go'}.`;
  },
  onDragEnd({ active, over }) {
    const { job } = active.data.current as DraggedJob;
    const to = statusOf(over?.id);
    if (!to || to === job.status) return `Job ${jobNumber(job.number)} stays in ${labelOf(job.status)}.`;
    return JOB_TRANSITIONS[job.status].includes(to)
      ? `Job ${jobNumber(job.number)} dropped on ${labelOf(to)}.`
      : `Job ${jobNumber(job.number)} cannot go to ${labelOf(to)}; it stays in ${labelOf(job.status)}.`;
  },
  onDragCancel({ active }) {
    const { job } = active.data.current as DraggedJob;
    return `Moving job ${jobNumber(job.number)} was cancelled; it stays in ${labelOf(job.status)}.`;
  },
};

/** The job and the column of a drop; null when it was dropped outside or where it was. */
export function dropOf(event: DragEndEvent): { job: Job; to: JobStatus } | null {
  const { job } = event.active.data.current as DraggedJob;
  const to = statusOf(event.over?.id);
  if (!to || to === job.status) return null;
  return { job, to };
}

/** A column that takes dropped cards: highlighted when the card may go there, dimmed when not. */
export function useDropColumn(status: JobStatus, dragged: Job | null) {
  const { setNodeRef, isOver } = useDroppable({ id: status });
  const allowed = dragged ? dragged.status === status || JOB_TRANSITIONS[dragged.status].includes(status) : true;
  const style: CSSProperties | undefined = dragged
    ? {
        opacity: allowed ? 1 : 0.55,
        outline: isOver
          ? `2px ${allowed ? 'solid' : 'dashed'} var(--mantine-color-${allowed ? 'blue' : 'red'}-7)`
          : undefined,
        outlineOffset: 2,
      }
    : undefined;
  return { setNodeRef, style };
}

/** A card that can be dragged by pointer anywhere on it, and by keyboard from its handle. */
export function useDraggableJob(job: Job) {
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, isDragging } = useDraggable({
    id: job.id,
    data: { job } satisfies DraggedJob,
  });
  const handle: ReactNode = (
    <ActionIcon
      ref={setActivatorNodeRef}
      variant="subtle"
      color="gray"
      size="sm"
      {...attributes}
      onKeyDown={listeners?.onKeyDown as KeyboardEventHandler | undefined}
      aria-label={`Drag job ${jobNumber(job.number)} to another status`}
      style={{ cursor: 'grab', touchAction: 'none' }}
    >
      <span aria-hidden>⠿</span>
    </ActionIcon>
  );
  return {
    ref: setNodeRef,
    handle,
    cardProps: {
      onPointerDown: listeners?.onPointerDown as PointerEventHandler | undefined,
      style: { opacity: isDragging ? 0.35 : undefined } satisfies CSSProperties,
    },
  };
}
