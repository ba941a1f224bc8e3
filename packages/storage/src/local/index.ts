export * from './s3-local';
