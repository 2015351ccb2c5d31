export class LivenessResponseDto {
  /** Always `ok` while the process serves requests. */
  status: 'ok';
}

export class ReadinessResponseDto {
  /** `ok` when every dependency answers. */
  status: 'ok';
  /** Each dependency and whether it answered. */
  checks: Record<string, 'up'>;
}
