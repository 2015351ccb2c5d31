import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { AppSettings } from '../config/settings.module.js';
import { dataSourceOptions, openAppDataSource } from './data-source.js';
import { JobConnections } from './job-connections.service.js';
import { TransactionService } from './transaction.service.js';

/**
 * The connection pool. Migrations run before the app module is created (see bootstrap),
 * so by the time any request is served the schema is current.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppSettings],
      useFactory: (settings: AppSettings) => {
        if (!settings.database.url) throw new Error('DATABASE_URL must be resolved before the app starts');
        return { ...dataSourceOptions(settings.database.url, settings.database.poolSize), retryAttempts: 3 };
      },
      dataSourceFactory: (options) => openAppDataSource(options as DataSourceOptions),
    }),
  ],
  providers: [TransactionService, JobConnections],
  exports: [TransactionService, JobConnections],
})
export class DatabaseModule {}
