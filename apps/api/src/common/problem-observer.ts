import type { Request } from 'express';
import type { AppError } from './app-error.js';

/**
 * Told about every problem answer before it is sent (the audit trail records refusals
 * here). If it fails, the answer becomes a 500: a refusal is never silently unrecorded.
 */
export abstract class ProblemObserver {
  abstract observe(request: Request, error: AppError): Promise<void>;
}
