// Runs the @nestjs/swagger CLI plugin as a read-only visitor and writes
// apps/api/src/metadata.ts: DTO property types, optionality, validation constraints and
// doc comments, so DTOs need no @ApiProperty. Loaded by openapi.ts; the same metadata
// serves the build, the tests (which compile with SWC) and the committed spec.
import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator.js';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';

new PluginMetadataGenerator().generate({
  visitors: [
    new ReadonlyVisitor({
      introspectComments: true,
      classValidatorShim: true,
      dtoFileNameSuffix: ['.dto.ts'],
      controllerFileNameSuffix: ['.controller.ts'],
      pathToSource: 'apps/api/src',
    }),
  ],
  outputDir: 'apps/api/src',
  filename: 'metadata.ts',
  tsconfigPath: 'tsconfig.build.json',
  printDiagnostics: false,
});
