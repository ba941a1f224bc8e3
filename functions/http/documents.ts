import { documentRoutes } from '@parkbridge/api';
import { EnvName } from '@parkbridge/config';
import { createDocumentsContext } from '@parkbridge/runtime';
import { createS3Client, fileTypeDetector, GuardDutyTagScanner, S3FileStore } from '@parkbridge/storage';
import { tracer } from '../shared/observability';
import { httpFunction } from './http-function';

/** Uploads (presigned POSTs and their checks) and downloads (presigned GETs) of files. */
export const spec = {
  group: 'documents',
  routes: [documentRoutes],
  contexts: { documents: createDocumentsContext },
  files: (env: Record<string, string | undefined>) => {
    const bucket = env[EnvName.filesBucket];
    if (!bucket) throw new Error(`${EnvName.filesBucket} is not set.`);
    const s3 = tracer.captureAWSv3Client(createS3Client());
    return {
      store: new S3FileStore(s3, bucket),
      detector: fileTypeDetector,
      scanner: new GuardDutyTagScanner(s3, bucket),
    };
  },
} as const;
export const handler = await httpFunction(spec);
