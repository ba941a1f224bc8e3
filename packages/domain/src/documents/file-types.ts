/**
 * The files Parkbridge carries: what industrial buyers and sellers exchange (drawings, models,
 * specifications, quotation sheets, scans). Each type names the content types a client may declare
 * for it and the file-name extensions that fit it; the bytes decide at completion (sniff.ts).
 */
export const FILE_TYPES = {
  pdf: { label: 'PDF', contentTypes: ['application/pdf'], extensions: ['pdf'] },
  png: { label: 'PNG', contentTypes: ['image/png'], extensions: ['png'] },
  jpeg: { label: 'JPEG', contentTypes: ['image/jpeg'], extensions: ['jpg', 'jpeg'] },
  webp: { label: 'WebP', contentTypes: ['image/webp'], extensions: ['webp'] },
  dxf: {
    label: 'DXF',
    contentTypes: ['image/vnd.dxf', 'application/dxf', 'image/x-dxf'],
    extensions: ['dxf'],
  },
  dwg: {
    label: 'DWG',
    contentTypes: ['image/vnd.dwg', 'application/acad', 'image/x-dwg', 'application/x-dwg'],
    extensions: ['dwg'],
  },
  step: {
    label: 'STEP',
    contentTypes: ['model/step', 'application/step', 'application/p21', 'model/step+zip'],
    extensions: ['step', 'stp'],
  },
  iges: { label: 'IGES', contentTypes: ['model/iges', 'application/iges'], extensions: ['iges', 'igs'] },
  stl: {
    label: 'STL',
    contentTypes: ['model/stl', 'application/sla', 'application/vnd.ms-pki.stl', 'model/x.stl-binary'],
    extensions: ['stl'],
  },
  xlsx: {
    label: 'XLSX',
    contentTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    extensions: ['xlsx'],
  },
  docx: {
    label: 'DOCX',
    contentTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    extensions: ['docx'],
  },
  csv: { label: 'CSV', contentTypes: ['text/csv'], extensions: ['csv'] },
  txt: { label: 'TXT', contentTypes: ['text/plain'], extensions: ['txt'] },
} as const;

export type FileKind = keyof typeof FILE_TYPES;
export const FILE_KINDS = Object.keys(FILE_TYPES) as FileKind[];

/** 25 MB a file (MiB, as browsers and S3 count them). */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;
/** At most this many files on one need, bid, certificate or message. */
export const MAX_FILES_PER_THING = 20;

/** Every content type a client may declare, for the request schema. */
export const ALLOWED_CONTENT_TYPES: string[] = FILE_KINDS.flatMap((k) => [...FILE_TYPES[k].contentTypes]);

export function kindOfContentType(contentType: string): FileKind | null {
  const bare = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return FILE_KINDS.find((k) => (FILE_TYPES[k].contentTypes as readonly string[]).includes(bare)) ?? null;
}

export function kindOfFileName(fileName: string): FileKind | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return null;
  const ext = fileName.slice(dot + 1).toLowerCase();
  return FILE_KINDS.find((k) => (FILE_TYPES[k].extensions as readonly string[]).includes(ext)) ?? null;
}

/** The one content type a kind is stored and served as, whatever alias the client declared. */
export const canonicalContentType = (kind: FileKind): string => FILE_TYPES[kind].contentTypes[0];
