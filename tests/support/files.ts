import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * Small real files of each kind the documents rules look at, made here rather than kept as
 * binaries: a PDF, a PNG, an ASCII DXF, a STEP file, a CSV, and Office documents (a ZIP with the
 * parts `file-type` reads).
 */
export const samples = {
  pdf: () =>
    Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  png: () =>
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    ),
  dxf: () =>
    Buffer.from(
      '0\nSECTION\n2\nHEADER\n9\n$ACADVER\n1\nAC1015\n0\nENDSEC\n0\nSECTION\n2\nENTITIES\n0\nENDSEC\n0\nEOF\n',
    ),
  step: () =>
    Buffer.from(
      "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(('flange'),'2;1');\nFILE_NAME('flange.stp','2030-03-01T08:00:00',(''),(''),'','','');\nFILE_SCHEMA(('AP214'));\nENDSEC;\nDATA;\nENDSEC;\nEND-ISO-10303-21;\n",
    ),
  csv: () => Buffer.from('item,quantity,unit price\nflange DN50,100,4200000\n'),
  xlsx: () =>
    zip({
      '[Content_Types].xml':
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      'xl/workbook.xml':
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
    }),
  docx: () =>
    zip({
      '[Content_Types].xml':
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      'word/document.xml': '<?xml version="1.0"?><document/>',
    }),
};

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A ZIP archive with stored (uncompressed) entries. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    locals.push(local, fileName, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

export interface Presigned {
  uploadId: string;
  url: string;
  fields: Record<string, string>;
}

/** Sends the bytes with the presigned POST, as a browser form would: the fields, then `file`. */
export async function postFile(post: Presigned, bytes: Uint8Array, contentType?: string): Promise<number> {
  const form = new FormData();
  for (const [k, v] of Object.entries(post.fields))
    form.append(k, k === 'Content-Type' && contentType ? contentType : v);
  form.append('file', new Blob([Buffer.from(bytes)]), 'file');
  const res = await fetch(post.url, { method: 'POST', body: form });
  await res.arrayBuffer();
  return res.status;
}
