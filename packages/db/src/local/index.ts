export * from './dynamodb-local';
export * from './ensure-table';
