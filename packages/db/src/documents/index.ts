export * from './upload.keys';
export * from './upload.repository';
