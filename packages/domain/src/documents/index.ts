export * from './attachments';
export * from './download.service';
export * from './file-name';
export * from './file-types';
export * from './ports';
export * from './sniff';
export * from './upload';
export * from './upload.service';
