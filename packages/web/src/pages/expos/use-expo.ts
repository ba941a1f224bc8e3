import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Expo, FloorPlan } from '../../api/types';
import { expoKey, floorKey } from './expo-keys';

export const useExpo = (expoId: string) =>
  useQuery({
    queryKey: expoKey(expoId),
    queryFn: () => api.get<Expo>(`/v1/expos/${expoId}`),
    staleTime: 60_000,
  });

/** The floor plan, refreshed while the page is open: other firms hold and book slots meanwhile. */
export const useFloorPlan = (expoId: string, refreshMs = 10_000) =>
  useQuery({
    queryKey: floorKey(expoId),
    queryFn: () => api.get<FloorPlan>(`/v1/expos/${expoId}/floorplan`),
    refetchInterval: refreshMs,
  });
