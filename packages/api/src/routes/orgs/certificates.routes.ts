import { createRoute, z } from '@hono/zod-openapi';
import { PageQuery } from '@parkbridge/domain/core';
import { Certificate, CertificateInput } from '@parkbridge/domain/orgs';
import type { Container } from '@parkbridge/runtime';
import { callerOf } from '../../http/auth';
import {
  createRouter,
  IdempotencyHeader,
  json,
  jsonBody,
  pageOf,
  problems,
  secured,
  securedCreate,
} from '../../http/openapi';
import { publicPage, withEtag } from '../../http/respond';
import { OrgParams } from './orgs.routes';

const CertificateView = Certificate.meta({ id: 'Certificate' });
const CertParams = OrgParams.extend({ certId: z.string().min(1).max(64) });

export function certificateRoutes(app: Container) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{orgId}/certificates',
      operationId: 'claimCertificate',
      tags: ['Certificates'],
      summary: 'Claim a certificate (own organisation); it counts once an operator verifies it',
      ...securedCreate(app.repos.idempotency, 'ownOrganisation', 'admin'),
      request: { params: OrgParams, headers: IdempotencyHeader, body: jsonBody(CertificateInput) },
      responses: {
        201: json(CertificateView, 'The claimed certificate.'),
        ...problems(400, 401, 403, 404, 413),
      },
    }),
    async (c) => {
      const cert = await app.certificates.claim(callerOf(c), c.req.valid('param').orgId, c.req.valid('json'));
      return c.json(withEtag(c, cert), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{orgId}/certificates',
      operationId: 'listCertificates',
      tags: ['Certificates'],
      summary: "An organisation's certificates (others see verified ones only)",
      ...secured('signedIn'),
      request: { params: OrgParams, query: PageQuery },
      responses: { 200: json(pageOf(CertificateView), 'A page of certificates.'), ...problems(400, 401) },
    }),
    async (c) => {
      const page = await app.certificates.list(callerOf(c), c.req.valid('param').orgId, c.req.valid('query'));
      return c.json(publicPage(page), 200);
    },
  );

  for (const [action, decision] of [
    ['verify', 'verified'],
    ['reject', 'rejected'],
  ] as const) {
    router.openapi(
      createRoute({
        method: 'post',
        path: `/orgs/{orgId}/certificates/{certId}/${action}`,
        operationId: `${action}Certificate`,
        tags: ['Certificates'],
        summary: `Mark a certificate ${decision} (operator of a park the firm applied to)`,
        ...secured('operator', 'staff'),
        request: { params: CertParams },
        responses: {
          200: json(CertificateView, 'The certificate after the decision.'),
          ...problems(401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { orgId, certId } = c.req.valid('param');
        const cert = await app.certificates.verify(callerOf(c), orgId, certId, decision);
        return c.json(withEtag(c, cert), 200);
      },
    );
  }

  return router;
}
