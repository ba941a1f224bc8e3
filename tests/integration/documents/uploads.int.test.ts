import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postFile, samples } from '../../support/files';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import { biddingWorld } from '../bidding/support/world';
import { download, startUpload, uploaded } from './support';

const clock = fixedClock('2030-03-01T08:00:00.000Z');
let rt: TestRuntime;
let world: Awaited<ReturnType<typeof biddingWorld>>;

beforeAll(async () => {
  rt = await startTestRuntime({ clock });
  world = await biddingWorld(rt, { suppliers: 1 });
});
afterAll(() => rt.stop());

const drawing = (bytes = samples.pdf(), fileName = 'نقشه فلنج 50.pdf') =>
  ({ purpose: 'need', fileName, contentType: 'application/pdf', bytes }) as const;

describe('uploads straight to object storage', () => {
  it('carries a drawing from the browser form to a need and back, with its name in any script', async () => {
    const bytes = samples.pdf();
    const id = await uploaded(rt, world.owner.token, drawing(bytes));
    const need = await rt.call('POST', '/v1/needs', {
      token: world.owner.token,
      body: {
        title: 'Flanges DN50',
        description: 'Per the drawing.',
        category: '2599',
        quantity: 100,
        unit: 'pcs',
        parkId: world.parkId,
        currency: 'IRR',
        closesAt: '2030-03-02T12:00:00.000Z',
        mode: 'sealed',
        attachments: [id],
      },
    });
    expect(need.status).toBe(201);
    expect(need.body.attachments).toEqual([
      {
        attachmentId: id,
        fileName: 'نقشه فلنج 50.pdf',
        contentType: 'application/pdf',
        size: bytes.length,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    const got = await download(rt, world.owner.token, id);
    expect(got.status).toBe(302);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('cache-control')).toContain('no-store');
    expect(got.location).toMatch(/X-Amz-Expires=300\b/);
    expect(got.file?.status).toBe(200);
    expect(got.file?.bytes.equals(bytes)).toBe(true);
    expect(got.file?.headers.get('content-type')).toBe('application/pdf');
    expect(got.file?.headers.get('content-disposition')).toBe(
      `attachment; filename="____ ____ 50.pdf"; filename*=UTF-8''${encodeURIComponent('نقشه فلنج 50.pdf')}`,
    );
  });

  it('refuses a declared size over 25 MB before any upload, naming the field', async () => {
    const res = await startUpload(rt, world.owner.token, { ...drawing(), size: 25 * 1024 * 1024 + 1 });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'size' }));
  });

  it('refuses at complete a file larger than declared, and deletes it', async () => {
    const started = await startUpload(rt, world.owner.token, { ...drawing(), size: 10 });
    expect(started.status).toBe(201);
    await postFile(started.body, samples.pdf());
    const done = await rt.call('POST', `/v1/uploads/${started.body.uploadId}/complete`, {
      token: world.owner.token,
    });
    expect(done.status).toBe(422);
    expect(done.body.code).toBe('upload.size_mismatch');
    expect(
      await rt.files.store.read(`files/${world.owner.orgId}/${started.body.uploadId}`, 1 << 30),
    ).toBeNull();
    const again = await rt.call('POST', `/v1/uploads/${started.body.uploadId}/complete`, {
      token: world.owner.token,
    });
    expect(again.status).toBe(422);
  });

  it('refuses a type not on the list', async () => {
    const res = await startUpload(rt, world.owner.token, {
      purpose: 'need',
      fileName: 'parts.zip',
      contentType: 'application/zip',
      bytes: samples.xlsx(),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'contentType' }));
  });

  it('deletes and refuses a PNG named .pdf (the bytes decide)', async () => {
    const started = await startUpload(rt, world.owner.token, drawing(samples.png(), 'drawing.pdf'));
    await postFile(started.body, samples.png());
    const done = await rt.call('POST', `/v1/uploads/${started.body.uploadId}/complete`, {
      token: world.owner.token,
    });
    expect(done.status).toBe(422);
    expect(done.body.code).toBe('upload.type_mismatch');
    expect(done.body.detail).toContain('PNG');
    expect(
      await rt.files.store.read(`files/${world.owner.orgId}/${started.body.uploadId}`, 1 << 30),
    ).toBeNull();
  });

  it('refuses to complete an upload that was never sent', async () => {
    const started = await startUpload(rt, world.owner.token, drawing());
    const done = await rt.call('POST', `/v1/uploads/${started.body.uploadId}/complete`, {
      token: world.owner.token,
    });
    expect(done.status).toBe(422);
    expect(done.body.code).toBe('upload.not_sent');
  });

  it('refuses file names with path separators or control characters', async () => {
    for (const fileName of ['../../etc/passwd.pdf', 'dir\\x.pdf', 'a\u0007b.pdf', 'x\u202Efdp.exe.pdf']) {
      const res = await startUpload(rt, world.owner.token, drawing(samples.pdf(), fileName));
      expect(res.status, fileName).toBe(400);
      expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'fileName' }));
    }
  });

  it('accepts DXF and STEP text files by their grammar, and refuses one whose name says another type', async () => {
    const dxf = await uploaded(rt, world.owner.token, {
      purpose: 'need',
      fileName: 'plate.dxf',
      contentType: 'image/vnd.dxf',
      bytes: samples.dxf(),
    });
    const step = await uploaded(rt, world.owner.token, {
      purpose: 'need',
      fileName: 'flange.step',
      contentType: 'model/step',
      bytes: samples.step(),
    });
    expect(dxf).toMatch(/^file_/);
    expect(step).toMatch(/^file_/);
    const liar = await startUpload(rt, world.owner.token, {
      purpose: 'need',
      fileName: 'plate.dxf',
      contentType: 'model/step',
      bytes: samples.dxf(),
    });
    expect(liar.status).toBe(400);
    expect(liar.body.errors).toContainEqual(expect.objectContaining({ path: 'fileName' }));
  });
});

describe('attaching', () => {
  const needBody = (attachments: string[]) => ({
    title: 'Bolts M12',
    description: 'Grade 8.8.',
    category: '2599',
    quantity: 1000,
    unit: 'pcs',
    parkId: world.parkId,
    currency: 'IRR',
    closesAt: '2030-03-02T12:00:00.000Z',
    mode: 'sealed',
    attachments,
  });

  it("answers 404 for another organisation's upload attached to my need", async () => {
    const theirs = await uploaded(rt, world.suppliers[0]!.token, { ...drawing(), purpose: 'need' });
    const res = await rt.call('POST', '/v1/needs', { token: world.owner.token, body: needBody([theirs]) });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('upload.not_found');
  });

  it('attaches one upload to one thing only, also when two requests race for it', async () => {
    const id = await uploaded(rt, world.owner.token, drawing());
    const server = await rt.listen();
    try {
      const results = await Promise.all(
        [1, 2, 3].map(() =>
          server.http('POST', '/v1/needs', { token: world.owner.token, body: needBody([id]) }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      const again = await rt.call('POST', '/v1/needs', { token: world.owner.token, body: needBody([id]) });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('upload.already_attached');
    } finally {
      await server.close();
    }
  });

  it('refuses 21 files on one thing, and the same file listed twice', async () => {
    const many = Array.from({ length: 21 }, (_, i) => `file_${String(i).padStart(26, '0')}`);
    const res = await rt.call('POST', '/v1/needs', { token: world.owner.token, body: needBody(many) });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'attachments' }));
    const id = await uploaded(rt, world.owner.token, drawing());
    const twice = await rt.call('POST', '/v1/needs', { token: world.owner.token, body: needBody([id, id]) });
    expect(twice.status).toBe(400);
  });

  it('refuses a file uploaded for another kind of thing', async () => {
    const sheet = await uploaded(rt, world.owner.token, {
      purpose: 'bid',
      fileName: 'q.csv',
      contentType: 'text/csv',
      bytes: samples.csv(),
    });
    const res = await rt.call('POST', '/v1/needs', { token: world.owner.token, body: needBody([sheet]) });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('upload.wrong_purpose');
  });
});

describe('malware', () => {
  it('deletes and refuses a file the scanner finds infected', async () => {
    const infected = await startTestRuntime({ clock, scanner: { verdict: async () => 'infected' } });
    try {
      const firm = await infected.firm({ kinds: ['tenant'] });
      const started = await startUpload(infected, firm.token, drawing());
      await postFile(started.body, samples.pdf());
      const done = await infected.call('POST', `/v1/uploads/${started.body.uploadId}/complete`, {
        token: firm.token,
      });
      expect(done.status).toBe(422);
      expect(done.body.code).toBe('upload.infected');
      expect(
        await infected.files.store.read(`files/${firm.orgId}/${started.body.uploadId}`, 1 << 30),
      ).toBeNull();
    } finally {
      await infected.stop();
    }
  });

  it('keeps a file out of reach while the scan has not answered, then readies it', async () => {
    let verdict: 'pending' | 'clean' = 'pending';
    const slow = await startTestRuntime({ clock, scanner: { verdict: async () => verdict } });
    try {
      const firm = await slow.firm({ kinds: ['tenant'] });
      const started = await startUpload(slow, firm.token, drawing());
      await postFile(started.body, samples.pdf());
      const first = await slow.call('POST', `/v1/uploads/${started.body.uploadId}/complete`, {
        token: firm.token,
      });
      expect(first.status).toBe(202);
      expect(first.body.status).toBe('scanning');
      verdict = 'clean';
      const second = await slow.call('POST', `/v1/uploads/${started.body.uploadId}/complete`, {
        token: firm.token,
      });
      expect(second.status).toBe(200);
      expect(second.body.status).toBe('ready');
    } finally {
      await slow.stop();
    }
  });
});
