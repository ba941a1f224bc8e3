import { type Caller, type Clock, invalid, newId, notFound, requireOrg, ruleBroken } from '../core';
import {
  canonicalContentType,
  FILE_TYPES,
  kindOfContentType,
  kindOfFileName,
  MAX_FILE_BYTES,
} from './file-types';
import { type FileServices, noUploadQuota, type UploadAllowance, type UploadRepository } from './ports';
import { bytesFit, kindOfBytes } from './sniff';
import {
  type Attachment,
  attachmentOf,
  type PresignedUpload,
  type Upload,
  type UploadRequest,
} from './upload';

/** How long the presigned POST is accepted. */
const POST_EXPIRES_S = 15 * 60;

/**
 * Uploads: the API presigns a POST that object storage enforces (this key, this size, this type),
 * the client sends the bytes there, and `complete` checks what was stored: size, SHA-256, the type
 * by the bytes, and the malware scan. A file that lies is deleted and refused.
 */
export class UploadService {
  constructor(
    private readonly uploads: UploadRepository,
    private readonly files: FileServices,
    private readonly clock: Clock,
    private readonly allowance: UploadAllowance = noUploadQuota,
  ) {}

  async create(caller: Caller, req: UploadRequest): Promise<{ upload: Upload; post: PresignedUpload }> {
    const org = requireOrg(caller);
    const kind = kindOfContentType(req.contentType);
    if (!kind) throw invalid('upload.type_not_allowed', 'This type of file is not carried.');
    if (kindOfFileName(req.fileName) !== kind) {
      throw invalid(
        'upload.name_type_mismatch',
        `A ${FILE_TYPES[kind].label} file's name ends in .${FILE_TYPES[kind].extensions[0]}.`,
        [
          {
            path: 'fileName',
            message: `End the name in ${FILE_TYPES[kind].extensions.map((e) => `.${e}`).join(' or ')}.`,
          },
        ],
      );
    }
    await this.allowance.take(org, req.size);
    const now = this.clock.now();
    const uploadId = newId('file', now.getTime());
    const objectKey = `files/${org.orgId}/${uploadId}`;
    const contentType = canonicalContentType(kind);
    const presigned = await this.files.store.presignUpload({
      key: objectKey,
      contentType,
      size: req.size,
      expiresInS: POST_EXPIRES_S,
    });
    const post = { ...presigned, expiresAt: new Date(now.getTime() + POST_EXPIRES_S * 1000).toISOString() };
    const upload = await this.uploads.create({
      uploadId,
      orgId: org.orgId,
      userId: org.userId,
      purpose: req.purpose,
      fileName: req.fileName,
      contentType,
      size: req.size,
      sha256: req.sha256 ?? null,
      objectKey,
      status: 'pending',
      rejectReason: null,
      parent: null,
      createdAt: now.toISOString(),
      expiresAt: post.expiresAt,
      completedAt: null,
      version: 0,
    });
    return { upload, post };
  }

  /** An upload of the caller's organisation: anyone else's is no upload at all (404). */
  async requireOwn(caller: Caller, uploadId: string): Promise<Upload> {
    const org = requireOrg(caller);
    const upload = await this.uploads.get(uploadId, true);
    if (!upload || upload.orgId !== org.orgId) throw notFound('upload');
    return upload;
  }

  /**
   * Checks the stored object. Ready (or attached) already: answered again. Scanning: asks the scanner
   * again. The bytes are read once, by the first completion that finds them.
   */
  async complete(
    caller: Caller,
    uploadId: string,
  ): Promise<{ status: 'ready' | 'scanning'; attachment: Attachment }> {
    const prev = await this.requireOwn(caller, uploadId);
    if (prev.status === 'ready' || prev.status === 'attached' || prev.status === 'removed') {
      return { status: 'ready', attachment: attachmentOf(prev) };
    }
    if (prev.status === 'rejected')
      throw refused(prev.rejectReason ?? 'upload.rejected', 'The file was refused.');
    const checked = prev.status === 'scanning' ? prev : await this.check(prev);
    const verdict = await this.files.scanner.verdict(prev.objectKey);
    if (verdict === 'pending') {
      const next = checked === prev ? prev : await this.uploads.save(checked, prev);
      return { status: 'scanning', attachment: attachmentOf(next) };
    }
    if (verdict !== 'clean') {
      await this.reject(checked, prev, verdict === 'infected' ? 'upload.infected' : 'upload.scan_failed');
      throw refused(
        verdict === 'infected' ? 'upload.infected' : 'upload.scan_failed',
        verdict === 'infected'
          ? 'The malware scan found a threat in the file; it was deleted.'
          : 'The file could not be scanned for malware; it was deleted.',
      );
    }
    const ready: Upload = { ...checked, status: 'ready', completedAt: this.clock.now().toISOString() };
    return { status: 'ready', attachment: attachmentOf(await this.uploads.save(ready, prev)) };
  }

  /** Size, checksum and type by the bytes; a failure deletes the object and refuses. */
  private async check(prev: Upload): Promise<Upload> {
    const stored = await this.files.store.read(prev.objectKey, MAX_FILE_BYTES);
    if (!stored) {
      if (Date.parse(prev.expiresAt) <= this.clock.now().getTime()) {
        await this.reject(prev, prev, 'upload.not_sent');
        throw refused('upload.not_sent', 'No file arrived before the upload expired; start a new upload.');
      }
      throw refused(
        'upload.not_sent',
        'No file has arrived for this upload yet: send it first, then complete.',
      );
    }
    if (stored.size > MAX_FILE_BYTES || !stored.bytes) {
      await this.reject(prev, prev, 'upload.too_large');
      throw refused(
        'upload.too_large',
        `The stored file has ${stored.size} bytes; at most ${MAX_FILE_BYTES} are carried.`,
      );
    }
    if (stored.size !== prev.size) {
      await this.reject(prev, prev, 'upload.size_mismatch');
      throw refused(
        'upload.size_mismatch',
        `The stored file has ${stored.size} bytes, not the ${prev.size} declared.`,
      );
    }
    const { sha256 } = stored;
    if (prev.sha256 && prev.sha256 !== sha256) {
      await this.reject(prev, prev, 'upload.checksum_mismatch');
      throw refused('upload.checksum_mismatch', 'The stored bytes do not hash to the SHA-256 declared.');
    }
    const declared = kindOfContentType(prev.contentType);
    const found = kindOfBytes(stored.bytes, await this.files.detector.detect(stored.bytes));
    if (!declared || !bytesFit(declared, found)) {
      await this.reject(prev, prev, 'upload.type_mismatch');
      const what =
        found === null
          ? 'not a type Parkbridge carries'
          : found === 'text'
            ? 'plain text'
            : FILE_TYPES[found].label;
      throw refused(
        'upload.type_mismatch',
        `The file's bytes are ${what}, not ${declared ? FILE_TYPES[declared].label : prev.contentType} as declared; it was deleted.`,
      );
    }
    return { ...prev, sha256, status: 'scanning' };
  }

  private async reject(next: Upload, prev: Upload, reason: string) {
    await this.files.store.delete(prev.objectKey);
    await this.uploads
      .save(
        { ...next, status: 'rejected', rejectReason: reason, completedAt: this.clock.now().toISOString() },
        prev,
      )
      .catch((err) => {
        // Another completion decided first; the object is gone either way.
        if (!(err instanceof Error && 'code' in err && err.code === 'version.stale')) throw err;
      });
  }
}

const refused = (code: string, message: string) => ruleBroken(code, message);
