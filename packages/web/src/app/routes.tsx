import { type ComponentType, lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { getSession } from '../auth/session';
import { homePath } from './home';
import { PublicShell } from './public-shell';
import { Shell } from './shell';

/** Each page is its own chunk, loaded when first visited. */
const page = (load: () => Promise<{ default: ComponentType }>) => {
  const Page = lazy(load);
  return <Page />;
};

function Home() {
  return <Navigate to={homePath(getSession())} replace />;
}

export const router = createBrowserRouter([
  { path: '/login', element: page(() => import('../pages/auth/login.page')) },
  { path: '/auth/callback', element: page(() => import('../pages/auth/callback.page')) },
  // The link in an invitation's email: outside the shell, which needs an organisation first.
  { path: '/invitations/:invitationId', element: page(() => import('../pages/auth/invitation.page')) },
  // Outside the shell: a sheet to print, with no navigation around it.
  {
    path: '/deals/:dealId/purchase-order',
    element: page(() => import('../pages/deals/purchase-order.page')),
  },
  { path: '/unsubscribe', element: page(() => import('../pages/auth/unsubscribe.page')) },
  { path: '/dev/mail', element: page(() => import('../pages/dev/mail.page')) },
  // Readable without signing in (workflow 11): the park directory and each park's page.
  {
    path: '/explore',
    element: <PublicShell />,
    children: [
      { index: true, element: page(() => import('../pages/public/parks.page')) },
      { path: 'parks/:parkId', element: page(() => import('../pages/public/park.page')) },
    ],
  },
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Home /> },
      { path: 'onboarding', element: page(() => import('../pages/common/onboarding.page')) },
      { path: 'org', element: page(() => import('../pages/common/org.page')) },
      { path: 'people', element: page(() => import('../pages/common/people.page')) },
      { path: 'notifications', element: page(() => import('../pages/common/notifications.page')) },
      { path: 'settings', element: page(() => import('../pages/common/settings.page')) },
      { path: 'expos', element: page(() => import('../pages/expos/expos.page')) },
      { path: 'expos/:expoId', element: page(() => import('../pages/expos/floor-plan.page')) },
      { path: 'expos/:expoId/edit', element: page(() => import('../pages/expos/expo-editor.page')) },
      {
        path: 'expos/:expoId/recommendations',
        element: page(() => import('../pages/expos/recommendations.page')),
      },
      { path: 'expos/:expoId/bookings', element: page(() => import('../pages/expos/expo-bookings.page')) },
      { path: 'bookings', element: page(() => import('../pages/expos/my-bookings.page')) },
      { path: 'deals', element: page(() => import('../pages/deals/deals.page')) },
      { path: 'deals/:dealId', element: page(() => import('../pages/deals/deal.page')) },
      { path: 'chains', element: page(() => import('../pages/tenant/chains.page')) },
      { path: 'chains/:chainId', element: page(() => import('../pages/tenant/chain-editor.page')) },
      { path: 'needs', element: page(() => import('../pages/tenant/needs.page')) },
      { path: 'needs/new', element: page(() => import('../pages/tenant/need-form.page')) },
      { path: 'needs/:needId', element: page(() => import('../pages/needs/need.page')) },
      { path: 'inbox', element: page(() => import('../pages/supplier/inbox.page')) },
      { path: 'listings', element: page(() => import('../pages/supplier/listings.page')) },
      { path: 'listings/:listingId', element: page(() => import('../pages/supplier/listing-form.page')) },
      { path: 'parks', element: page(() => import('../pages/operator/parks.page')) },
      { path: 'parks/:parkId', element: page(() => import('../pages/operator/park.page')) },
      { path: 'parks/:parkId/chain-map', element: page(() => import('../pages/operator/chain-map.page')) },
      { path: 'suppliers', element: page(() => import('../pages/discovery/suppliers.page')) },
      { path: 'search', element: page(() => import('../pages/discovery/search.page')) },
      { path: 'audit', element: page(() => import('../pages/operator/audit.page')) },
      { path: 'offerings', element: page(() => import('../pages/offerings/offerings.page')) },
      { path: 'offerings/:offeringId', element: page(() => import('../pages/offerings/offering.page')) },
      { path: '*', element: page(() => import('../pages/common/not-found.page')) },
    ],
  },
]);
