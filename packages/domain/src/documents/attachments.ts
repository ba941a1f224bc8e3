import { conflict, notFound, ruleBroken } from '../core';
import type { AttachmentChange, UploadRepository } from './ports';
import { type Attachment, attachmentOf, type FileParent, PARENT_OF_PURPOSE } from './upload';

export interface AttachmentPlan {
  /** The thing's files after the change, in the order asked. */
  attachments: Attachment[];
  /** What the thing's write must do to the uploads; null when nothing changes. */
  change: AttachmentChange | null;
  added: Attachment[];
  removed: Attachment[];
}

/**
 * Turns the list of file ids a creating or editing call sends into the thing's new files: ids it
 * has already stay, other ids must be this organisation's completed, unattached uploads made for
 * this kind of thing. The write that follows re-checks every added upload in its own transaction,
 * so two things racing for one upload cannot both get it.
 */
export class AttachmentPlanner {
  constructor(private readonly uploads: UploadRepository) {}

  async plan(
    orgId: string,
    parent: FileParent,
    requested: readonly string[] | undefined,
    current: readonly Attachment[] = [],
  ): Promise<AttachmentPlan> {
    if (requested === undefined) return { attachments: [...current], change: null, added: [], removed: [] };
    const kept = new Map(current.map((a) => [a.attachmentId, a]));
    const newIds = requested.filter((id) => !kept.has(id));
    const found = new Map((await this.uploads.getMany(newIds)).map((u) => [u.uploadId, u]));
    const added: Attachment[] = [];
    for (const [i, id] of requested.entries()) {
      if (kept.has(id)) continue;
      const upload = found.get(id);
      // Another organisation's upload looks like no upload.
      if (!upload || upload.orgId !== orgId) throw fileError(notFound('upload'), i);
      if (PARENT_OF_PURPOSE[upload.purpose] !== parent.kind) {
        throw fileError(
          ruleBroken(
            'upload.wrong_purpose',
            `This file was uploaded for a ${upload.purpose}, not a ${parent.kind}.`,
          ),
          i,
        );
      }
      if (upload.status === 'attached' || upload.status === 'removed') {
        throw fileError(
          conflict('upload.already_attached', 'This file is attached to something already.'),
          i,
        );
      }
      if (upload.status !== 'ready') {
        throw fileError(
          ruleBroken(
            'upload.not_ready',
            'Complete the upload (and let its checks pass) before attaching it.',
          ),
          i,
        );
      }
      added.push(attachmentOf(upload));
    }
    const byId = new Map([...kept, ...added.map((a) => [a.attachmentId, a] as const)]);
    const wanted = new Set(requested);
    const removed = current.filter((a) => !wanted.has(a.attachmentId));
    const change =
      added.length || removed.length
        ? { orgId, parent, add: added.map((a) => a.attachmentId), remove: removed.map((a) => a.attachmentId) }
        : null;
    return { attachments: requested.map((id) => byId.get(id) as Attachment), change, added, removed };
  }
}

/** The error, naming the list entry it is about. */
function fileError<E extends { fields: { path: string; message: string }[]; message: string }>(
  err: E,
  index: number,
): E {
  err.fields.push({ path: `attachments.${index}`, message: err.message });
  return err;
}

/**
 * Content-Disposition for a download (RFC 6266): `attachment`, an ASCII fallback name for old
 * clients, and the original name in any script as RFC 5987/8187 `filename*`.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7E]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
