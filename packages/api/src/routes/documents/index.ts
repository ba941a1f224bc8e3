import { createRoute, z } from '@hono/zod-openapi';
import { Attachment, UploadRequest } from '@parkbridge/domain/documents';
import type { Container } from '@parkbridge/runtime';
import { callerOf } from '../../http/auth';
import {
  createRouter,
  IdempotencyHeader,
  json,
  jsonBody,
  problems,
  secured,
  securedCreate,
} from '../../http/openapi';
import type { Subjects } from '../../http/subjects';

const Id = z.string().min(1).max(64);
const UploadParams = z.object({ uploadId: Id });
const AttachmentParams = z.object({ attachmentId: Id });

const PresignedPost = z
  .object({
    uploadId: z.string(),
    url: z
      .string()
      .describe('POST a multipart/form-data form here: every field below, then the file as `file`.'),
    fields: z.record(z.string(), z.string()),
    expiresAt: z.string(),
    maxBytes: z.int(),
  })
  .meta({ id: 'PresignedUpload' });

const DownloadLink = z.object({ url: z.string(), expiresInS: z.int() }).meta({ id: 'DownloadLink' });

const Completed = Attachment.extend({
  uploadId: z.string(),
  status: z.enum(['ready', 'scanning']),
}).meta({ id: 'CompletedUpload' });

/**
 * Files: a presigned POST to object storage (the API never carries the bytes), its completion
 * (size, SHA-256, type by the bytes, malware scan), and downloads for whoever may see the parent.
 */
export function documentRoutes(app: Container) {
  const router = createRouter();
  const { uploads, downloads } = app.documents;

  router.openapi(
    createRoute({
      method: 'post',
      path: '/uploads',
      operationId: 'createUpload',
      tags: ['Documents'],
      summary: 'Start an upload: a presigned POST that admits exactly this file (size and type)',
      ...securedCreate(app.repos.idempotency, 'buyer', 'seller', 'staff'),
      request: { headers: IdempotencyHeader, body: jsonBody(UploadRequest.meta({ id: 'UploadRequest' })) },
      responses: {
        201: json(PresignedPost, 'Where and how to send the file.'),
        ...problems(400, 401, 403, 413),
      },
    }),
    async (c) => {
      const { upload, post } = await uploads.create(callerOf(c), c.req.valid('json'));
      c.header('Location', `/v1/uploads/${upload.uploadId}`);
      return c.json({ uploadId: upload.uploadId, ...post, maxBytes: upload.size }, 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/uploads/{uploadId}/complete',
      operationId: 'completeUpload',
      tags: ['Documents'],
      summary:
        'Check the stored file (size, SHA-256, type by its bytes, malware scan); a file that fails is deleted (422)',
      ...secured('buyer', 'seller', 'staff'),
      request: { params: UploadParams },
      responses: {
        200: json(Completed, 'Ready to attach.'),
        202: json(Completed, 'Checked; the malware scan has not answered yet: complete again shortly.'),
        ...problems(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const uploadId = c.req.valid('param').uploadId;
      const { status, attachment } = await uploads.complete(callerOf(c), uploadId);
      return c.json({ ...attachment, uploadId, status }, status === 'ready' ? 200 : 202);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/attachments/{attachmentId}',
      operationId: 'downloadAttachment',
      tags: ['Documents'],
      summary:
        'Download a file: a redirect to a URL that lives 5 minutes (404 to anyone who may not see its parent)',
      ...secured(),
      request: { params: AttachmentParams },
      responses: {
        302: { description: 'The download URL is in Location.' },
        200: json(
          DownloadLink,
          'With `Accept: application/json`: the same URL as data (a browser cannot read a redirect it was sent).',
        ),
        ...problems(401, 403, 404),
      },
    }),
    async (c) => {
      const { url, expiresInS } = await downloads.url(callerOf(c), c.req.valid('param').attachmentId);
      c.header('Cache-Control', 'private, no-store');
      c.header('X-Content-Type-Options', 'nosniff');
      // The signed URL is a bearer credential for five minutes: it is not sent on as a referrer.
      c.header('Referrer-Policy', 'no-referrer');
      if (/\bapplication\/json\b/.test(c.req.header('accept') ?? '')) return c.json({ url, expiresInS }, 200);
      return c.redirect(url, 302);
    },
  );

  return router;
}

/** An upload is its organisation's; an attachment is seen by whoever may see its parent. */
documentRoutes.subjects = (app: Container): Partial<Subjects> => ({
  seen: {
    uploadId: (caller, { uploadId = '' }) => app.documents.uploads.requireOwn(caller, uploadId),
    attachmentId: (caller, { attachmentId = '' }) => app.documents.downloads.visible(caller, attachmentId),
  },
});
