import type { FileKind } from './file-types';
import type { FileParent, PresignedUpload, Upload } from './upload';

/** Object storage (S3 in AWS, an S3-compatible server locally): the bytes never pass through the API. */
export interface FileStore {
  /** A POST policy that accepts exactly this object: its key, its size, its content type. */
  presignUpload(o: {
    key: string;
    contentType: string;
    size: number;
    expiresInS: number;
  }): Promise<Omit<PresignedUpload, 'expiresAt'>>;
  /**
   * The stored object's size, and when it has at most `maxBytes`, its bytes and their SHA-256 (hex);
   * null when there is no such object.
   */
  read(key: string, maxBytes: number): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
  /** A GET that lives `expiresInS` seconds, served with these headers. */
  downloadUrl(o: {
    key: string;
    contentType: string;
    contentDisposition: string;
    expiresInS: number;
  }): Promise<string>;
}

export type StoredObject =
  | { size: number; bytes: null; sha256: null }
  | { size: number; bytes: Uint8Array; sha256: string };

/**
 * Binary formats by their magic numbers (the storage package answers with `file-type`): a kind
 * Parkbridge carries, 'other' for a recognised format it does not, null when none is recognised.
 */
export interface BinaryTypeDetector {
  detect(bytes: Uint8Array): Promise<FileKind | 'other' | null>;
}

export type ScanVerdict = 'clean' | 'infected' | 'pending' | 'failed';

/**
 * The malware scan of a stored object. In AWS, GuardDuty Malware Protection for S3 scans every new
 * object and tags it with its result; locally a scanner whose verdict is clean.
 */
export interface MalwareScanner {
  verdict(key: string): Promise<ScanVerdict>;
}

/** What the services outside DynamoDB are: the composition root gives real ones, or stand-ins. */
export interface FileServices {
  store: FileStore;
  detector: BinaryTypeDetector;
  scanner: MalwareScanner;
}

/**
 * Files joining or leaving a thing, written in the same transaction as the thing: an added upload
 * must still be this organisation's, ready and unattached when it commits (so one upload never
 * lands on two things); a removed one must still belong to this parent.
 */
export interface AttachmentChange {
  orgId: string;
  parent: FileParent;
  add: string[];
  remove: string[];
}

export interface UploadRepository {
  get(uploadId: string, consistent?: boolean): Promise<Upload | null>;
  getMany(uploadIds: string[]): Promise<Upload[]>;
  create(upload: Upload): Promise<Upload>;
  /** Conditional on the version read. */
  save(next: Upload, prev: Upload): Promise<Upload>;
}

/**
 * Quotas on uploads (an action that costs others: storage and scanning). The quota module plugs in
 * here; it refuses with a `rate_limited` DomainError (429, Retry-After) past a firm's or a
 * person's limit. Until one is given, uploads are limited only by the API's throttling.
 */
export interface UploadAllowance {
  take(caller: { userId: string; orgId: string }, bytes: number): Promise<void>;
}

export const noUploadQuota: UploadAllowance = { take: async () => {} };
