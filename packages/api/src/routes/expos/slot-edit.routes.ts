import { createRoute } from '@hono/zod-openapi';
import { SlotPatch } from '@parkbridge/domain/expos';
import type { Container } from '@parkbridge/runtime';
import { callerOf } from '../../http/auth';
import { expectedVersion } from '../../http/etag';
import { createRouter, IfMatchHeader, json, jsonBody, problems, secured } from '../../http/openapi';
import { withEtag } from '../../http/respond';
import { SlotParams, SlotView } from './schemas';

const SlotPatchInput = SlotPatch.meta({ id: 'SlotPatch' });

/** Editing a saved slot on the floor plan (the operator of the expo's park). */
export function slotEditRoutes(app: Container) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'patch',
      path: '/slots/{slotId}',
      tags: ['Expos'],
      summary: 'Change a slot’s code, kind, area, rectangle or price (the park’s operator)',
      description:
        'Send the ETag of your last read in If-Match (412 `version.stale` when it changed meanwhile). The rectangle must lie on the floor and overlap no other slot (409 `slot.overlaps`; `pavilion.layout_changed` when another slot was added or moved at the same moment); the code must stay unique in the pavilion (409 `slot.code_taken`). While the slot or one of its slices is held, requested or booked, its rectangle and price cannot change (409 `slot.in_use`); its code, kind and area can. Another park’s operator gets 404.',
      ...secured('operator', 'slotOperator', 'staff'),
      request: { params: SlotParams, headers: IfMatchHeader, body: jsonBody(SlotPatchInput) },
      responses: {
        200: json(SlotView, 'The slot as changed.'),
        ...problems(400, 401, 403, 404, 409, 412, 413, 422),
      },
    }),
    async (c) => {
      const slot = await app.expos.slotEdits.edit(
        callerOf(c),
        c.req.valid('param').slotId,
        c.req.valid('json'),
        expectedVersion(c),
      );
      return c.json(withEtag(c, slot), 200);
    },
  );
  return router;
}
