import type { NextFunction, Request, Response } from 'express';
import { recordCanary } from './run-record.mjs';

/** Body fields whose values are secrets or personal data: none may reach a log line. */
const SENSITIVE = new Set([
  'password',
  'currentPassword',
  'newPassword',
  'email',
  'newEmail',
  'fullName',
  'phone',
  'jobTitle',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'recoveryCodes',
  'otpauthUrl',
  'body',
  'notes',
  'addressLine1',
]);
const COOKIES = ['steward_refresh', 'steward_csrf'];
/**
 * Set by the fuzzer on its cases: their values are attack inputs, not anyone's data, and
 * the same inputs go into paths, which the logs keep by design ("constructor" is then both
 * a fuzzed job title and part of a logged path).
 */
export const FUZZ_CASE_HEADER = 'x-test-fuzz-case';

/**
 * Test-harness middleware: every sensitive value a request sends or an answer returns
 * (passwords, emails, names, tokens, API keys, MFA secrets, refresh cookies) becomes a
 * canary for the log scan that runs after the whole test run (scripts/test.mjs).
 */
export function recordCanariesOf(req: Request, res: Response, next: NextFunction): void {
  if (req.headers[FUZZ_CASE_HEADER]) {
    next();
    return;
  }
  collect(req.body, 'request');
  const header = req.headers['x-api-key'];
  if (typeof header === 'string') recordCanary('api-key', header);
  const authorization = req.headers.authorization;
  if (typeof authorization === 'string') recordCanary('authorization', authorization.replace(/^Bearer /, ''));
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    collect(body, 'response');
    return json(body);
  };
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name: string, value: number | string | readonly string[]) => {
    if (name.toLowerCase() === 'set-cookie') {
      for (const cookie of [value].flat()) {
        const [pair] = String(cookie).split(';');
        const [cookieName, ...rest] = pair.split('=');
        if (COOKIES.includes(cookieName.trim())) recordCanary(`cookie ${cookieName.trim()}`, rest.join('='));
      }
    }
    return setHeader(name, value);
  };
  next();
}

function collect(value: unknown, where: string, key?: string, depth = 0): void {
  if (depth > 8 || value === null || value === undefined) return;
  if (typeof value === 'string') {
    if (key && SENSITIVE.has(key)) recordCanary(`${where} ${key}`, value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 200)) collect(item, where, key, depth + 1);
    return;
  }
  if (typeof value === 'object') {
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) collect(item, where, name, depth + 1);
  }
}
