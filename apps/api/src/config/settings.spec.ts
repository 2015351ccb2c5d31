import { loadSettings, SettingsError } from './settings.js';

describe(loadSettings.name, () => {
  it('should apply defaults when the environment is empty', () => {
    const sut = loadSettings({});
    expect(sut.http.port).toBe(3000);
    expect(sut.database.url).toBeUndefined();
    expect(sut.env).toBe('development');
    expect(sut.http.corsOrigins).toEqual([]);
  });

  it('should name every bad setting on its own line without echoing values', () => {
    const run = () => loadSettings({ PORT: 'eighty', DATABASE_URL: 'mysql://secret@x/db', LOG_LEVEL: 'loud' });
    expect(run).toThrow(SettingsError);
    try {
      run();
    } catch (error) {
      const lines = (error as SettingsError).message.split('\n');
      expect(lines).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Invalid setting PORT: /),
          expect.stringMatching(/^Invalid setting DATABASE_URL: /),
          expect.stringMatching(/^Invalid setting LOG_LEVEL: /),
        ]),
      );
      expect(lines).toHaveLength(3);
      expect((error as Error).message).not.toContain('secret');
    }
  });

  it('should require a master key in production', () => {
    expect(() => loadSettings({ NODE_ENV: 'production' })).toThrow(/Invalid setting MASTER_KEY/);
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadSettings({ NODE_ENV: 'production', MASTER_KEY: key }).masterKey).toBe(key);
  });

  it('should parse origins and numbers', () => {
    const sut = loadSettings({ CORS_ORIGINS: 'https://a.example,https://b.example', DATABASE_POOL_SIZE: '4' });
    expect(sut.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(sut.database.poolSize).toBe(4);
  });
});

describe('optional settings', () => {
  it('should keep optional settings that have no default', () => {
    const key = Buffer.alloc(32, 1).toString('base64');
    const sut = loadSettings({ DATABASE_URL: 'postgres://u@h/db', MASTER_KEY: key, CORS_ORIGINS: 'https://a.example' });
    expect(sut.database.url).toBe('postgres://u@h/db');
    expect(sut.masterKey).toBe(key);
    expect(sut.http.corsOrigins).toEqual(['https://a.example']);
  });
});

describe('SEED_DEMO', () => {
  it('should be refused in production, where the demo password would be an open door', () => {
    const key = Buffer.alloc(32, 2).toString('base64');
    expect(() => loadSettings({ NODE_ENV: 'production', MASTER_KEY: key, SEED_DEMO: 'true' })).toThrow(
      /^Invalid setting SEED_DEMO: must be false in production/,
    );
    expect(loadSettings({ SEED_DEMO: 'yes' }).seedDemo).toBe(true);
    expect(() => loadSettings({ SEED_DEMO: 'perhaps' })).toThrow(/Invalid setting SEED_DEMO: must be true or false/);
  });
});

describe('audit settings', () => {
  it('should refuse switching the audit trail off in production, and bound the retention', () => {
    const key = Buffer.alloc(32, 2).toString('base64');
    expect(() =>
      loadSettings({ NODE_ENV: 'production', MASTER_KEY: key, AUDIT_DISABLED_FOR_BENCHMARK: 'true' }),
    ).toThrow(/^Invalid setting AUDIT_DISABLED_FOR_BENCHMARK: must be false in production/);
    expect(loadSettings({ AUDIT_DISABLED_FOR_BENCHMARK: 'true' }).audit.disabledForBenchmark).toBe(true);
    expect(loadSettings({}).audit).toEqual({ retentionDays: 400, disabledForBenchmark: false });
    expect(() => loadSettings({ AUDIT_RETENTION_DAYS: '7' })).toThrow(/Invalid setting AUDIT_RETENTION_DAYS/);
  });
});
