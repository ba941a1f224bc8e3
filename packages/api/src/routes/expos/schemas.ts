import { z } from '@hono/zod-openapi';
import { Booking, BookingFilter, WaitlistPlace } from '@parkbridge/domain/bookings';
import { PageQuery } from '@parkbridge/domain/core';
import { Expo, ExpoStats, FloorPlan, Pavilion, Slot } from '@parkbridge/domain/expos';

export const ExpoView = Expo.meta({ id: 'Expo' });
export const PavilionView = Pavilion.meta({ id: 'Pavilion' });
export const SlotView = Slot.meta({ id: 'Slot' });
export const BookingView = Booking.meta({ id: 'Booking' });
export const FloorPlanView = FloorPlan.meta({ id: 'FloorPlan' });
export const ExpoStatsView = ExpoStats.meta({ id: 'ExpoStats' });
export const WaitlistPlaceView = WaitlistPlace.meta({ id: 'WaitlistPlace' });
export const WaitlistPositionView = z
  .object({ place: WaitlistPlace, position: z.number().int().nullable() })
  .meta({ id: 'WaitlistPosition' });

const Id = z.string().min(1).max(64);
export const ExpoParams = z.object({ expoId: Id });
export const PavilionParams = z.object({ pavilionId: Id });
export const SlotParams = z.object({ slotId: Id });
export const BookingParams = z.object({ bookingId: Id });
export const SliceQuery = z.object({ sliceId: z.string().min(1).max(16).optional() });
export const ExpoBookingsQuery = PageQuery.extend(BookingFilter.shape);
