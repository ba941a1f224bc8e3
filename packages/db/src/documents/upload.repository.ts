import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { conflict, staleVersion } from '@parkbridge/domain/core';
import type { AttachmentChange, Upload, UploadRepository } from '@parkbridge/domain/documents';
import { batchGet, type Db, getItem, guarded, stripKeys, type TxItem, ttlFrom } from '../core';
import { ABANDONED_AFTER_S, uploadKey } from './upload.keys';

const toUpload = (item: Record<string, unknown>) => stripKeys<Upload>(item);

export class DynamoUploadRepository implements UploadRepository {
  constructor(private readonly db: Db) {}

  async get(uploadId: string, consistent = false) {
    const key = uploadKey(uploadId);
    const item = await getItem(this.db, key.pk, key.sk, consistent);
    return item ? toUpload(item) : null;
  }

  async getMany(uploadIds: string[]) {
    if (!uploadIds.length) return [];
    return (await batchGet(this.db, uploadIds.map(uploadKey), { consistent: true })).map(toUpload);
  }

  async create(upload: Upload) {
    await guarded(
      this.db.doc.send(
        new PutCommand({
          TableName: this.db.tableName,
          Item: { ...uploadKey(upload.uploadId), type: 'upload', ...upload, ttl: abandonedAt(upload) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
      () => conflict('upload.exists', 'The upload exists already.'),
    );
    return upload;
  }

  async save(next: Upload, prev: Upload) {
    const saved = { ...next, version: prev.version + 1 };
    await guarded(
      this.db.doc.send(
        new PutCommand({
          TableName: this.db.tableName,
          Item: { ...uploadKey(next.uploadId), type: 'upload', ...saved, ttl: abandonedAt(saved) },
          ConditionExpression: '#version = :seen',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':seen': prev.version },
        }),
      ),
      staleVersion,
    );
    return saved;
  }
}

/** Unattached uploads expire; an attached (or once attached) file stays with its thing. */
const abandonedAt = (u: Upload) =>
  u.status === 'attached' || u.status === 'removed'
    ? undefined
    : ttlFrom(new Date(u.createdAt), ABANDONED_AFTER_S);

/**
 * The writes that move files onto and off a thing, for the thing's own transaction. An added upload
 * must still be the organisation's, ready and made for this kind of thing; a removed one must still
 * be attached to this very thing.
 */
export function attachmentWrites(db: Db, change: AttachmentChange | null | undefined, at: Date): TxItem[] {
  if (!change) return [];
  const add = change.add.map(
    (id, i): TxItem => ({
      item: {
        Update: {
          TableName: db.tableName,
          Key: uploadKey(id),
          UpdateExpression:
            'SET #status = :attached, parent = :parent, updatedAt = :at ADD #version :one REMOVE #ttl',
          ConditionExpression: '#status = :ready AND orgId = :org',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version', '#ttl': 'ttl' },
          ExpressionAttributeValues: {
            ':attached': 'attached',
            ':ready': 'ready',
            ':org': change.orgId,
            ':parent': change.parent,
            ':at': at.toISOString(),
            ':one': 1,
          },
        },
      },
      onConditionFailed: () => {
        const err = conflict(
          'upload.already_attached',
          'This file was attached to something else meanwhile.',
        );
        err.fields.push({ path: `attachments.${i}`, message: err.message });
        return err;
      },
    }),
  );
  const remove = change.remove.map(
    (id): TxItem => ({
      item: {
        Update: {
          TableName: db.tableName,
          Key: uploadKey(id),
          UpdateExpression: 'SET #status = :removed, updatedAt = :at ADD #version :one',
          ConditionExpression: '#status = :attached AND parent = :parent',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: {
            ':removed': 'removed',
            ':attached': 'attached',
            ':parent': change.parent,
            ':at': at.toISOString(),
            ':one': 1,
          },
        },
      },
      onConditionFailed: () => conflict('write.concurrent', 'The files changed meanwhile; try again.'),
    }),
  );
  return [...add, ...remove];
}
