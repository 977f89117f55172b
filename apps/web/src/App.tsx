import { Route, Routes } from 'react-router';
import { LoginPage } from './features/auth/LoginPage';
import { NotFoundPage } from './features/not-found/NotFoundPage';
import {
  AccountPage,
  AuditPage,
  ClaimDetailPage,
  EventsPage,
  IncidentPage,
  OverviewPage,
  PodDetailPage,
  SlicesPage,
  TokensPage,
  TopologyPage,
  UsersPage,
  VolumeDetailPage,
  VolumesPage,
  WorkloadsPage,
} from './pages';
import { ConsoleLayout } from './shell/ConsoleLayout';

/** The login page on its own; every other route inside the signed-in shell. */
export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<ConsoleLayout />}>
        <Route path="/" element={<OverviewPage />} />
        <Route path="/topology" element={<TopologyPage />} />
        <Route path="/volumes" element={<VolumesPage />} />
        <Route path="/volumes/:id" element={<VolumeDetailPage />} />
        <Route path="/slices" element={<SlicesPage />} />
        <Route path="/workloads" element={<WorkloadsPage />} />
        <Route path="/workloads/pods/:cluster/:namespace/:name" element={<PodDetailPage />} />
        <Route path="/workloads/claims/:cluster/:namespace/:name" element={<ClaimDetailPage />} />
        <Route path="/events" element={<EventsPage />} />
        <Route path="/incident" element={<IncidentPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="/admin/users" element={<UsersPage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="/account/tokens" element={<TokensPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
