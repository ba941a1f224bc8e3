import type { BinaryTypeDetector, FileKind } from '@parkbridge/domain/documents';
import { fileTypeFromBuffer } from 'file-type';

/** `file-type`'s answers that Parkbridge carries, by its extension names. */
const KNOWN: Record<string, FileKind> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  webp: 'webp',
  dwg: 'dwg',
  xlsx: 'xlsx',
  docx: 'docx',
  stl: 'stl',
};

/**
 * Binary formats by their magic numbers and, for Office files, the parts inside the ZIP. Anything
 * else it recognises (a ZIP, an executable) is a kind Parkbridge does not carry: 'other'.
 */
export const fileTypeDetector: BinaryTypeDetector = {
  async detect(bytes) {
    const found = await fileTypeFromBuffer(bytes);
    if (!found) return null;
    return KNOWN[found.ext] ?? 'other';
  },
};
