import { retryDelayMs } from './mail.types.js';
import { describeFailure } from './mail-transport.js';

describe(describeFailure.name, () => {
  it('should retry when the server cannot be reached or says "later"', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ESOCKET' });
    expect(describeFailure(refused)).toEqual({ permanent: false, line: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:25' });
    const later = Object.assign(new Error('451 4.3.0 <ada@example.test>: try again later'), {
      code: 'EENVELOPE',
      responseCode: 451,
    });
    expect(describeFailure(later)).toEqual({ permanent: false, line: 'EENVELOPE: SMTP 451' });
    expect(
      describeFailure(Object.assign(new Error('535 bad credentials'), { code: 'EAUTH', responseCode: 535 })),
    ).toMatchObject({ permanent: false });
  });

  it('should give up on a 5xx answer and never keep an address from it', () => {
    const refused = Object.assign(new Error('550 5.1.1 <ada@example.test>: Recipient address rejected'), {
      code: 'EENVELOPE',
      responseCode: 550,
    });
    expect(describeFailure(refused)).toEqual({ permanent: true, line: 'EENVELOPE: SMTP 550' });
    const quoted = describeFailure(new Error('Invalid address ada.lovelace@example.test\nmore'));
    expect(quoted.line).toBe('Error: Invalid address …');
  });
});

describe(retryDelayMs.name, () => {
  it('should back off from a minute to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 40].map((attempts) => retryDelayMs(attempts) / 60_000)).toEqual([
      1, 2, 5, 10, 30, 60, 60, 60,
    ]);
  });
});
