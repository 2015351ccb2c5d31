import { PersonalDataRegistry } from '#personal-data';
import { createTestApp, type TestApp } from '#testing';
import { AppSettings } from '../config/settings.module.js';

/**
 * The privacy policy's periods and the purge jobs' periods are one number each: every
 * provider names its period by a path into the typed settings, prints that value, and
 * the purge reads the same value. Settings differing from the defaults show it.
 */
describe('retention settings', () => {
  let app: TestApp;
  const env = {
    RETENTION_ACCOUNT_DAYS_AFTER_SUBSCRIPTION: '45',
    RETENTION_ENDED_SESSION_DAYS: '61',
    RETENTION_SCHEDULE_HISTORY_DAYS: '401',
    RETENTION_INVOICE_YEARS: '9',
    AUDIT_RETENTION_DAYS: '333',
  };

  beforeAll(async () => {
    app = await createTestApp({ env });
  });
  afterAll(() => app.close());

  const valueAt = (path: string): unknown =>
    path
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], app.app.get(AppSettings));

  it('should name, for every category, a retention setting that exists and print its value', () => {
    const categories = app.app.get(PersonalDataRegistry).describeAll();
    expect(categories.length).toBeGreaterThanOrEqual(10);
    for (const { category, retention } of categories) {
      const value = valueAt(retention.setting);
      expect({ category, setting: retention.setting, type: typeof value }).toEqual({
        category,
        setting: retention.setting,
        type: 'number',
      });
      expect({ category, description: retention.description }).toEqual({
        category,
        description: expect.stringContaining(String(value)),
      });
    }
  });

  it('should print the configured periods, not the defaults', () => {
    const byCategory = Object.fromEntries(
      app.app
        .get(PersonalDataRegistry)
        .describeAll()
        .map((category) => [category.category, category]),
    );
    expect(byCategory['crm.invoices'].retention.description).toMatch(/^9 years/);
    expect(byCategory['crm.invoices'].legalHold?.years).toBe(9);
    expect(byCategory['identity.sessions'].retention.description).toContain('61 days');
    expect(byCategory['crm.schedules'].retention.description).toContain('401 days');
    expect(byCategory['audit.trail'].retention.description).toMatch(/^333 days/);
    expect(byCategory['crm.clients'].retention.description).toContain('plus 45 days');
  });

  it('should fail for a setting path that does not exist', () => {
    expect(typeof valueAt('retention.noSuchPeriod')).toBe('undefined');
  });
});
