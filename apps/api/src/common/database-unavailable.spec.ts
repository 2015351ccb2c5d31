import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError, TypeORMError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable.js';

describe(isDatabaseUnavailable.name, () => {
  it('should take a query runner released by a cut connection for an outage', () => {
    expect(isDatabaseUnavailable(new QueryRunnerAlreadyReleasedError())).toBe(true);
    expect(isDatabaseUnavailable(new QueryRunnerProviderAlreadyReleasedError())).toBe(true);
  });

  it('should take a server shutting down or a refused socket for an outage, not any other error', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable({ driverError: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) })).toBe(true);
    expect(isDatabaseUnavailable(new TypeORMError('Entity metadata was not found'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
  });
});
