export * from './malware-scanner';
export * from './s3-client';
export * from './s3-file-store';
export * from './type-detector';
