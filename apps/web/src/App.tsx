import { Route, Routes } from 'react-router';
import { AuditPage } from './features/audit/AuditPage';
import { AccountPage } from './features/auth/AccountPage';
import { LoginPage } from './features/auth/LoginPage';
import { EventsPage } from './features/events/EventsPage';
import { IncidentPage } from './features/incident/IncidentPage';
import { NotFoundPage } from './features/not-found/NotFoundPage';
import { OverviewPage } from './features/overview/OverviewPage';
import { TokensPage } from './features/tokens/TokensPage';
import { TopologyPage } from './features/topology/TopologyPage';
import { UsersPage } from './features/users/UsersPage';
import { VolumeDetailPage } from './features/volumes/VolumeDetailPage';
import { VolumesPage } from './features/volumes/VolumesPage';
import { WorkloadsPage } from './features/workloads/WorkloadsPage';
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
        <Route path="/workloads" element={<WorkloadsPage />} />
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
