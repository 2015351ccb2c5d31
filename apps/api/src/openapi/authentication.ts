import type { SecurityRequirementObject, SecuritySchemeObject } from '@nestjs/swagger';

/**
 * How a caller gets credentials, said where Swagger UI shows it: the document's description
 * (the top of /docs) and each scheme of the Authorize dialog.
 */
export const API_DESCRIPTION = [
  'REST API of Steward CRM, the CRM whose privacy policy is enforced by code. The integrator guide is',
  '`docs/api-guide.md`; who may call what is `docs/permissions.md`, and each operation below says it too.',
  '',
  'Errors are RFC 9457 `application/problem+json` documents with a stable `type` and `code` per error kind.',
  '',
  '## Trying it here',
  '',
  'Click **Authorize** and fill in one of:',
  '',
  '- **bearer**, as a person: call `POST /api/v1/auth/sign-in` below (Try it out) with your email and',
  '  password, and copy `accessToken` from the answer. If it answers 202 with an `mfaToken`, call',
  '  `POST /api/v1/auth/sign-in/mfa` with that token and the 6-digit code of your authenticator app: that',
  '  answer has the `accessToken`. It is valid for 15 minutes (the organization may set another time).',
  '- **api-key** (sent as `X-API-Key`) or **api-key-bearer** (sent as `Authorization: Bearer stw_…`), as an',
  '  integration: an owner or administrator creates a key in the app under **API keys** (or with',
  '  `POST /api/v1/api-keys`), picks its scopes and copies the `stw_…` secret, which is shown once.',
  '',
  'Each operation names the permission it needs (`x-required-permissions`): a person needs a role',
  'that holds it, a key needs it as a scope. Routes for people (your profile, sessions, two-step',
  'verification, managing keys and accounts) refuse API keys. Authorization is kept when the page reloads.',
].join('\n');

export const SECURITY_SCHEMES: Record<string, SecuritySchemeObject> = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: [
      'A person\u2019s access token. Get one with `POST /api/v1/auth/sign-in` (email and password; Try it out',
      'below) and copy `accessToken` from the answer. When the answer is 202 with an `mfaToken`, send it with',
      'your authenticator\u2019s code to `POST /api/v1/auth/sign-in/mfa`, which answers the `accessToken`.',
      'Valid 15 minutes by default; `POST /api/v1/auth/refresh` renews it with the refresh cookie.',
    ].join(' '),
  },
  'api-key': {
    type: 'apiKey',
    in: 'header',
    name: 'X-API-Key',
    description: [
      'An API key (`stw_…`) for an integration. An owner or administrator creates it in the app under',
      '**API keys** (or `POST /api/v1/api-keys`), names it, picks its scopes and copies the secret, shown',
      'once. A key may call a route when it holds the route\u2019s permission as a scope.',
    ].join(' '),
  },
  'api-key-bearer': {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'stw_…',
    description: [
      'The same API key, sent as `Authorization: Bearer stw_…`, for HTTP clients and integration',
      'platforms that only know bearer tokens. Create it under **API keys**, as for `api-key`.',
    ].join(' '),
  },
  'refresh-cookie': {
    type: 'apiKey',
    in: 'cookie',
    name: 'steward_refresh',
    description: [
      'The refresh token, an httpOnly cookie that `POST /api/v1/auth/sign-in` sets (path `/api/v1/auth`):',
      'scripts cannot read or set it, so sign in with Try it out in this browser first. Only',
      '`POST /api/v1/auth/refresh` and `POST /api/v1/auth/sign-out` read it, and they also need the',
      '`X-CSRF-Token` header holding the value of the `steward_csrf` cookie.',
    ].join(' '),
  },
};

/** The schemes of an operation, by who may call it (see addAccessRequirements). */
export const PERSON_SCHEMES: SecurityRequirementObject[] = [{ bearer: [] }];
export const KEY_SCHEMES: SecurityRequirementObject[] = [{ 'api-key': [] }, { 'api-key-bearer': [] }];
