// What other pages may use of the volumes feature: its live list and queries, and the few
// volume facts they show. Everything else under features/volumes/ is its own business.
export { fetchVolume } from './api/volumeQueries';
export { MemberHistory } from './components/MemberHistory';
export { useVolumeCounts, useVolumeDetail } from './hooks/useVolume';
export { useVolumeList, useVolumeLoadProgress } from './hooks/useVolumeList';
export { describeRebuild } from './model/describeRebuild';
export { sortVolumes } from './model/sortVolumes';
export { claimLabel, claimPath } from './model/volumeBinding';
export { volumePath } from './model/volumePath';
export { countByHealth, healthSummaryLine, type VolumeHealthCounts } from './model/volumeSummary';
