import { Module } from '@nestjs/common';
import { KeyringModule } from '../../keyring/keyring.module.js';
import { DataExportJob } from './data-export.job.js';
import { DataExportRepository } from './data-export.repository.js';
import { DataExportService } from './data-export.service.js';
import { DataExportsController } from './data-exports.controller.js';
import { ExportFiles } from './export-files.js';
import { MyDataExportsController } from './my-data-exports.controller.js';

/** Access and portability exports over the personal-data registry. `DataExportService.start` is for other contexts. */
@Module({
  imports: [KeyringModule],
  controllers: [DataExportsController, MyDataExportsController],
  providers: [DataExportRepository, ExportFiles, DataExportService, DataExportJob],
  exports: [DataExportService],
})
export class DataExportModule {}
