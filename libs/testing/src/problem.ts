import type { Response } from 'supertest';

/** Asserts an RFC 9457 answer with the given status and error code. */
export function expectProblem(response: Response, status: number, code: string): void {
  expect({ status: response.status, type: response.headers['content-type'] }).toEqual({
    status,
    type: expect.stringMatching(/^application\/problem\+json/),
  });
  expect(response.body).toMatchObject({ status, code, type: `urn:steward:problem:${code}` });
  expect(response.body.title).toEqual(expect.any(String));
  expect(response.body.requestId).toEqual(expect.any(String));
  expect(response.body.requestId).not.toBe('');
}
