import type { FileKind } from './file-types';

/**
 * What the bytes of a file are. Binary formats are told by a detector of magic numbers (a port: the
 * storage package uses `file-type`); the text formats of engineering files have no magic number, so
 * their own grammar's first lines decide here: DXF, STEP, IGES, ASCII STL, and binary STL by its
 * exact length. CSV and TXT must be text (UTF-8, no NUL).
 */
export function kindOfBytes(bytes: Uint8Array, binary: FileKind | 'other' | null): FileKind | 'text' | null {
  if (binary === 'other') return null;
  if (binary) return binary;
  if (isBinaryDxf(bytes)) return 'dxf';
  if (isBinaryStl(bytes)) return 'stl';
  const text = utf8(bytes);
  if (text === null) return null;
  if (isStep(text)) return 'step';
  if (isIges(text)) return 'iges';
  if (isAsciiStl(text)) return 'stl';
  if (isDxf(text)) return 'dxf';
  return 'text';
}

/** Whether the bytes fit the declared kind: CSV and TXT are any text; the rest must be recognised. */
export function bytesFit(declared: FileKind, found: FileKind | 'text' | null): boolean {
  if (found === declared) return true;
  return (declared === 'csv' || declared === 'txt') && found === 'text';
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The bytes as text, or null when they are not UTF-8 (or hold NUL, which no text format has). */
function utf8(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return decoder.decode(bytes);
  } catch {
    // A multi-byte character cut at the end of a sample is still text.
    try {
      return decoder.decode(bytes.subarray(0, Math.max(0, bytes.length - 3)));
    } catch {
      return null;
    }
  }
}

const start = (text: string) => text.replace(/^\uFEFF/, '').trimStart();

/** ISO 10303-21 exchange structure: the file starts with its magic line. */
const isStep = (text: string) => /^ISO-10303-21;/.test(start(text));

/**
 * IGES: fixed 80-column records, column 73 the section letter; the file opens with a Start (S) or,
 * in the compressed form, a C record, followed by the Global (G) section.
 */
function isIges(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const first = lines[0];
  if (!first || first.length < 73) return false;
  if (first[72] !== 'S' && first[72] !== 'C') return false;
  return lines.slice(0, 200).some((l) => l.length >= 73 && l[72] === 'G');
}

/** ASCII STL: `solid <name>` then facets. */
const isAsciiStl = (text: string) => /^solid\b[^\n]*\r?\n\s*(facet|endsolid)\b/.test(start(text));

/** ASCII DXF: group code 0 then SECTION (a header, classes or entities section comes first). */
const isDxf = (text: string) => /^0\s*\r?\n\s*SECTION\s*\r?\n\s*2\s*\r?\n\s*[A-Z]+/.test(start(text));

const BINARY_DXF = 'AutoCAD Binary DXF\r\n\x1a\0';
function isBinaryDxf(bytes: Uint8Array): boolean {
  if (bytes.length < BINARY_DXF.length) return false;
  for (let i = 0; i < BINARY_DXF.length; i++) if (bytes[i] !== BINARY_DXF.charCodeAt(i)) return false;
  return true;
}

/** Binary STL: an 80-byte header, a triangle count, then exactly 50 bytes per triangle. */
function isBinaryStl(bytes: Uint8Array): boolean {
  if (bytes.length < 84) return false;
  const count = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(80, true);
  return count > 0 && bytes.length === 84 + 50 * count;
}
