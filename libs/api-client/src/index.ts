import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths };
export type Problem = components['schemas']['ProblemDto'];
export type ApiClient = Client<paths>;

/**
 * The one way the SPA (and anyone in TypeScript) calls the API: typed from the committed
 * OpenAPI spec, so a renamed field breaks the build, not production.
 */
export function createApiClient(baseUrl = ''): ApiClient {
  return createClient<paths>({ baseUrl, credentials: 'include' });
}

/** A failed call, carrying the API's problem+json document. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiProblem';
  }

  /** Messages per field, for forms. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((error) => [error.field, error.message]));
  }
}

/**
 * Normalises whatever a call produced into an ApiProblem: the server's problem+json when
 * there is one, otherwise a synthetic one (network down, proxy HTML page).
 */
export function toApiProblem(error: unknown, response?: Response): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error && typeof error === 'object' && 'type' in error && 'status' in error && 'title' in error) {
    return new ApiProblem(error as Problem);
  }
  const status = response?.status ?? 0;
  return new ApiProblem({
    type: status ? 'about:blank' : 'urn:steward:problem:network',
    title: status ? `Request failed (${status})` : 'Cannot reach the server',
    status,
    detail: status ? 'The server answered unexpectedly.' : 'Check your connection and try again.',
    instance: '',
    code: status ? 'unexpected' : 'network',
    requestId: response?.headers.get('x-request-id') ?? '',
  });
}

/** Unwraps an openapi-fetch result: the data, or a thrown ApiProblem. */
export async function unwrap<Result extends { data?: unknown; error?: unknown; response: Response }>(
  call: Promise<Result>,
): Promise<NonNullable<Result['data']>> {
  let result: Result;
  try {
    result = await call;
  } catch (error) {
    throw toApiProblem(error);
  }
  if (result.error !== undefined || !result.response.ok) throw toApiProblem(result.error, result.response);
  return result.data as NonNullable<Result['data']>;
}
