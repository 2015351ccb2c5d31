import { scanLines } from '../../../../libs/testing/src/log-scan.mjs';

const line = (msg: string, extra: object = {}) =>
  JSON.stringify({ level: 30, time: 1, context: 'Auth', msg, req: { path: '/api/v1/x' }, ...extra });

describe('log scan', () => {
  const canaries = [
    { kind: 'email', value: 'olive.owner.1a2b3c4d@example.test' },
    { kind: 'password', value: 'a perfectly long test passphrase' },
  ];

  it('should flag a planted canary, naming the message and the kind but never the value', () => {
    const findings = scanLines(
      [line('request completed'), line('welcome olive.owner.1a2b3c4d@example.test'), line('ok')],
      canaries,
      'worker.ndjson',
    );
    expect(findings).toEqual([
      { source: 'worker.ndjson', line: 2, message: 'Auth: welcome [email]', kinds: ['email'] },
    ]);
  });

  it('should flag a canary anywhere in the line, not only in the message', () => {
    const findings = scanLines(
      [line('sign-in failed', { body: { password: 'a perfectly long test passphrase' } })],
      canaries,
    );
    expect(findings.map((finding) => finding.kinds)).toEqual([['password']]);
  });

  it('should flag secret shapes nobody recorded: a JWT, an argon2 hash, an API key', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2lnbmF0dXJl';
    const findings = scanLines(
      [
        line(`token ${jwt}`),
        line('hash $argon2id$v=19$m=19456'),
        line('key stw_0123456789_abcdefghijklmnopqrstuvwxyz'),
      ],
      [],
    );
    expect(findings.map((finding) => [finding.message, finding.kinds])).toEqual([
      ['Auth: token [jwt]', ['jwt']],
      ['Auth: hash [password-hash]', ['password-hash']],
      ['Auth: key [api-key]', ['api-key']],
    ]);
  });

  it('should pass clean lines and ignore canaries too short to mean anything', () => {
    expect(scanLines([line('request completed'), line('abc')], [{ kind: 'code', value: 'abc' }])).toEqual([]);
  });
});
