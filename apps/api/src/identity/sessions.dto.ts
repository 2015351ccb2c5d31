export class SessionSummaryDto {
  /** The session (sign-in on one device); use it to sign that device out. */
  id: string;
  /** Browser and operating system as the device reported them. */
  userAgent: string | null;
  ip: string | null;
  signedInAt: Date;
  /** When the device last renewed its access. */
  lastActiveAt: Date;
  expiresAt: Date;
  /** Kept across browser restarts ("keep me signed in"). */
  persistent: boolean;
  /** This is the session making the request. */
  current: boolean;
}

export class SessionListResponseDto {
  items: SessionSummaryDto[];
}
