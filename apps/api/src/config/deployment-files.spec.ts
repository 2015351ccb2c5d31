import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { apiNodeFlags } from '../../../../scripts/lib/node-flags.mjs';
import { EnvironmentSchema } from './settings.schema.js';

describe('.env.example', () => {
  const lines = readFileSync('.env.example', 'utf8').split('\n');

  it('should list every setting the API reads, each with a comment above it', () => {
    const documented = new Map<string, boolean>();
    lines.forEach((line, index) => {
      const match = /^#?\s*([A-Z][A-Z0-9_]+)=/.exec(line);
      if (match) documented.set(match[1], /^#\s+\S/.test(lines[index - 1] ?? ''));
    });
    for (const key of Object.keys(new EnvironmentSchema())) {
      expect({ key, documented: documented.has(key), commented: documented.get(key) }).toEqual({
        key,
        documented: true,
        commented: true,
      });
    }
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync('docker-compose.yml', 'utf8'));

  it('should run PostgreSQL 16 and the API with healthchecks and a named volume', () => {
    expect(compose.services.db.image).toMatch(/^postgres:16/);
    expect(compose.services.db.healthcheck.test).toBeDefined();
    expect(compose.services.api.healthcheck.test.join(' ')).toContain('/api/v1/health/ready');
    expect(compose.services.api.depends_on.db.condition).toBe('service_healthy');
    expect(compose.services.api.environment.DATABASE_URL).toContain('@db:5432/');
    expect(Object.keys(compose.volumes)).toContain('db-data');
  });

  it('should migrate as the owner and serve as a role that row-level security binds, created at first start', () => {
    const user = (url: string) => new URL(url).username;
    const { DATABASE_URL, DATABASE_MIGRATION_URL } = compose.services.api.environment;
    expect(user(DATABASE_MIGRATION_URL)).toBe(compose.services.db.environment.POSTGRES_USER);
    expect(user(DATABASE_URL)).not.toBe(user(DATABASE_MIGRATION_URL));
    expect(compose.services.db.volumes).toContain('./deploy/postgres:/docker-entrypoint-initdb.d:ro');
    expect(readFileSync('deploy/postgres/10-app-role.sh', 'utf8')).toContain(
      `CREATE ROLE ${user(DATABASE_URL)} LOGIN PASSWORD '\${APP_DB_PASSWORD}' IN ROLE steward_app;`,
    );
  });

  it('should only pass settings the API knows', () => {
    const known = Object.keys(new EnvironmentSchema());
    expect(Object.keys(compose.services.api.environment).filter((key) => !known.includes(key))).toEqual([]);
  });

  it('should build the API from a multi-stage Dockerfile that runs as a non-root user', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(compose.services.api.build).toBe('.');
  });

  it('should run the image with the Node flags npm start gives the API on the same Node', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const major = /^FROM node:(\d+)/m.exec(runtime)?.[1];
    const options = /^ENV NODE_OPTIONS="([^"]*)"$/m.exec(runtime)?.[1];
    expect(major).toBeDefined();
    expect(options?.split(' ')).toEqual(apiNodeFlags(`${major}.0.0`));
  });
});
