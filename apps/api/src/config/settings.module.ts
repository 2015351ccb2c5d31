import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { loadSettings, type RawEnvironment, type Settings } from './settings.js';

/** Injection token for the typed settings object. */
export abstract class AppSettings {}
export interface AppSettings extends Settings {}

@Global()
@Module({})
export class SettingsModule {
  /**
   * `env` replaces process.env and `.env` entirely (tests and the embedded launcher pass
   * their own); without it, @nestjs/config reads `.env` and the process environment.
   */
  static forRoot(env?: RawEnvironment): DynamicModule {
    return {
      module: SettingsModule,
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: env !== undefined,
          ignoreEnvVars: env !== undefined,
          validate: (raw) => ({ settings: loadSettings(env ?? (raw as RawEnvironment)) }),
        }),
      ],
      providers: [
        {
          provide: AppSettings,
          inject: [ConfigService],
          useFactory: (config: ConfigService) => config.get<Settings>('settings'),
        },
      ],
      exports: [AppSettings],
    };
  }
}
