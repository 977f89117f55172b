import { Route, Routes } from 'react-router';
import { EventsPage } from './features/events/EventsPage';
import { NotFoundPage } from './features/not-found/NotFoundPage';
import { OverviewPage } from './features/overview/OverviewPage';
import { TopologyPage } from './features/topology/TopologyPage';
import { VolumeDetailPage } from './features/volumes/VolumeDetailPage';
import { VolumesPage } from './features/volumes/VolumesPage';
import { WorkloadsPage } from './features/workloads/WorkloadsPage';
import { AppShell } from './shell/AppShell';

/** The console's routes inside the shell. */
export function App() {
  return (
    <AppShell>
      <Routes>
        <Route path="/" element={<OverviewPage />} />
        <Route path="/topology" element={<TopologyPage />} />
        <Route path="/volumes" element={<VolumesPage />} />
        <Route path="/volumes/:id" element={<VolumeDetailPage />} />
        <Route path="/workloads" element={<WorkloadsPage />} />
        <Route path="/events" element={<EventsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppShell>
  );
}
