import type { ScheduleEntry } from '../../../api/use-schedule';
import { addDays, atTime, startOfDay } from '../dates';

/** The hours the grid shows. */
export const FIRST_HOUR = 7;
export const LAST_HOUR = 20;
export const GRID_MINUTES = (LAST_HOUR - FIRST_HOUR) * 60;

export interface PlacedEntry {
  entry: ScheduleEntry;
  /** Minutes from the top of the grid (07:00), clamped to the grid. */
  top: number;
  height: number;
  /** Side-by-side position among the entries it overlaps. */
  lane: number;
  lanes: number;
  /** The entry goes on before 07:00 or after 20:00 (or runs over from another day). */
  clippedStart: boolean;
  clippedEnd: boolean;
}

const MIN_HEIGHT = 20;

/**
 * Places the entries of one day of the reader's calendar on the 07:00–20:00 grid: entries overlapping each
 * other share the width in lanes; those reaching beyond the grid are pinned to its edge.
 */
export function placeDay(entries: ScheduleEntry[], day: Date): PlacedEntry[] {
  // The reader's day in their profile's zone, not the browser's.
  const gridStart = atTime(day, FIRST_HOUR);
  const dayStart = startOfDay(day);
  const dayEnd = addDays(dayStart, 1);
  const segments = entries
    .map((entry) => ({ entry, start: new Date(entry.startsAt), end: new Date(entry.endsAt) }))
    .filter(({ start, end }) => start < dayEnd && end > dayStart)
    .map(({ entry, start, end }) => {
      const from = (Math.max(start.getTime(), dayStart.getTime()) - gridStart.getTime()) / 60_000;
      const to = (Math.min(end.getTime(), dayEnd.getTime()) - gridStart.getTime()) / 60_000;
      const top = Math.min(Math.max(from, 0), GRID_MINUTES - MIN_HEIGHT);
      const bottom = Math.max(Math.min(to, GRID_MINUTES), top + MIN_HEIGHT);
      return {
        entry,
        top,
        height: bottom - top,
        lane: 0,
        lanes: 1,
        clippedStart: from < 0 || start < dayStart,
        clippedEnd: to > GRID_MINUTES || end > dayEnd,
      };
    })
    .sort((a, b) => a.top - b.top || b.height - a.height);

  // Clusters of entries that overlap one another share lanes.
  let cluster: PlacedEntry[] = [];
  let clusterEnd = -1;
  const laneEnds: number[] = [];
  const close = () => {
    for (const placed of cluster) placed.lanes = laneEnds.length;
    cluster = [];
    laneEnds.length = 0;
  };
  for (const placed of segments) {
    if (placed.top >= clusterEnd) close();
    let lane = laneEnds.findIndex((end) => end <= placed.top);
    if (lane === -1) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = placed.top + placed.height;
    placed.lane = lane;
    cluster.push(placed);
    clusterEnd = Math.max(clusterEnd, placed.top + placed.height);
  }
  close();
  return segments;
}
