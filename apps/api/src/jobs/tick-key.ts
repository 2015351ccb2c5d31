import { createHash } from 'node:crypto';

/** `name:2026-12-02T16:00`: one key per job and minute of its cron tick. */
export function tickKey(name: string, at: Date): string {
  return `${name}:${at.toISOString().slice(0, 16)}`;
}

/**
 * A UUID derived from the tick key (name-based, version 5 layout over SHA-256). Every replica
 * that fires the same tick computes the same job id, and pg-boss inserts a job id once, so a
 * tick's job exists once however many replicas ticked, whatever state it has reached since.
 */
export function tickJobId(key: string): string {
  const bytes = createHash('sha256').update(key).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
