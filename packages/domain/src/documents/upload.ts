import { z } from 'zod';
import { FileName } from './file-name';
import { ALLOWED_CONTENT_TYPES, MAX_FILE_BYTES, MAX_FILES_PER_THING } from './file-types';

/** What a file is for; it decides which things it may be attached to. */
export const UploadPurpose = z.enum(['need', 'bid', 'certificate', 'deal', 'message']);
export type UploadPurpose = z.infer<typeof UploadPurpose>;

export const Sha256Hex = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'A SHA-256 digest in hex (64 characters).')
  .transform((s) => s.toLowerCase());

export const UploadRequest = z.strictObject({
  purpose: UploadPurpose,
  fileName: FileName,
  contentType: z
    .string()
    .max(200)
    .refine((t) => ALLOWED_CONTENT_TYPES.includes(t.split(';')[0]?.trim().toLowerCase() ?? ''), {
      message:
        'Not a type Parkbridge carries: PDF, PNG, JPEG, WebP, DXF, DWG, STEP, IGES, STL, XLSX, DOCX, CSV or TXT.',
    }),
  size: z
    .int()
    .min(1, 'The file is empty.')
    .max(MAX_FILE_BYTES, `At most ${MAX_FILE_BYTES} bytes (25 MB) a file.`),
  /** Optional: when sent, the stored bytes must hash to it. */
  sha256: Sha256Hex.optional(),
});
export type UploadRequest = z.infer<typeof UploadRequest>;

/**
 * pending: presigned, the bytes may or may not have arrived; scanning: the bytes checked out and
 * the malware scan has not answered yet; ready: checked and clean, free to attach; attached: part of
 * one thing (its `parent`); removed: taken off that thing again; rejected: refused, bytes deleted.
 */
export const UploadStatus = z.enum(['pending', 'scanning', 'ready', 'attached', 'removed', 'rejected']);
export type UploadStatus = z.infer<typeof UploadStatus>;

/** The thing a file belongs to; enough to find it and decide who may see the file. */
export const FileParent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('need'), needId: z.string() }),
  z.object({ kind: z.literal('bid'), needId: z.string(), supplierOrgId: z.string() }),
  z.object({ kind: z.literal('certificate'), orgId: z.string(), certId: z.string() }),
  z.object({ kind: z.literal('message'), dealId: z.string(), messageId: z.string() }),
]);
export type FileParent = z.infer<typeof FileParent>;

/** The kinds of thing each purpose may be attached to. */
export const PARENT_OF_PURPOSE: Record<UploadPurpose, FileParent['kind']> = {
  need: 'need',
  bid: 'bid',
  certificate: 'certificate',
  deal: 'message',
  message: 'message',
};

export const Upload = z.object({
  /** Also the attachment's id once attached: one file, one id. */
  uploadId: z.string(),
  orgId: z.string(),
  userId: z.string(),
  purpose: UploadPurpose,
  fileName: z.string(),
  /** The canonical type of the declared kind (what downloads are served as). */
  contentType: z.string(),
  size: z.int(),
  /** Declared by the client, or computed at completion. */
  sha256: z.string().nullable(),
  objectKey: z.string(),
  status: UploadStatus,
  rejectReason: z.string().nullable(),
  parent: FileParent.nullable(),
  createdAt: z.string(),
  /** When the presigned POST stops being accepted. */
  expiresAt: z.string(),
  completedAt: z.string().nullable(),
  version: z.int(),
});
export type Upload = z.infer<typeof Upload>;

/** A file as the thing it is attached to shows it. */
export const Attachment = z
  .object({
    attachmentId: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.int(),
    sha256: z.string(),
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof Attachment>;

/** What creating calls take: the ids of completed uploads (and, on edits, of files kept). */
export const AttachmentIds = z
  .array(z.string().min(1).max(64))
  .max(MAX_FILES_PER_THING, `At most ${MAX_FILES_PER_THING} files on one thing.`)
  .refine((ids) => new Set(ids).size === ids.length, 'The same file is listed twice.');

export const attachmentOf = (u: Upload): Attachment => ({
  attachmentId: u.uploadId,
  fileName: u.fileName,
  contentType: u.contentType,
  size: u.size,
  sha256: u.sha256 ?? '',
});

/** What the presigned POST gives the client: where to send the form, with which fields. */
export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}
