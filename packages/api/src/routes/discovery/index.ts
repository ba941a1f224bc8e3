export { PUBLIC_CACHE_CONTROL, publicRoutes } from './public.routes';
export { supplierRoutes } from './suppliers.routes';
