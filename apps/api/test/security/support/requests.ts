import type { Response } from 'supertest';
import type { TestApp } from '#testing';

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent as is: a JSON text built by the test, so lone surrogates and `__proto__` keys survive. */
  body?: string;
  contentType?: string;
}

/** One request through supertest with a raw body; the answer's body is parsed for (problem+)JSON. */
export async function send(app: TestApp, request: RawRequest): Promise<Response> {
  const method = request.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete' | 'options' | 'head';
  let call = app.http()[method](request.path);
  for (const [name, value] of Object.entries(request.headers ?? {})) call = call.set(name, value);
  if (request.body !== undefined) {
    call = call.set('content-type', request.contentType ?? 'application/json').send(request.body);
  }
  return call;
}
