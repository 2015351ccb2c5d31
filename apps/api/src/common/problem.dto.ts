/** RFC 9457 problem details, as every error of the API is answered. */
export class ProblemFieldErrorDto {
  /** Path of the offending field, e.g. `address.city`. */
  field: string;
  message: string;
}

export class ProblemDto {
  /** Stable per error kind, e.g. `urn:steward:problem:validation-failed`. */
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The request path. */
  instance: string;
  /** The error code, the last part of `type`. */
  code: string;
  /** Quote this id when reporting a problem; it is in our logs. */
  requestId: string;
  /** Per-field messages when validation failed. */
  errors?: ProblemFieldErrorDto[];
}
