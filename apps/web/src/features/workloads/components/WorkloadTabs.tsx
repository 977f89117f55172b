import { Link } from 'react-router';
import { formatCount } from '../../../shared/format/count';
import { WORKLOAD_TABS, type WorkloadTab } from '../model/workloadFilters';

const LABELS: Record<WorkloadTab, string> = {
  workloads: 'Workloads',
  pods: 'Pods',
  claims: 'PVCs',
  nodes: 'Nodes',
};

interface WorkloadTabsProps {
  tab: WorkloadTab;
  /** How many of each there are in the selected clusters, where known. */
  counts: Partial<Record<WorkloadTab, number>>;
  hrefFor: (tab: WorkloadTab) => string;
}

/** The page's views as links, so the view is in the URL and opens in a new tab too. */
export function WorkloadTabs({ tab, counts, hrefFor }: WorkloadTabsProps) {
  return (
    <nav className="kube-tabs" aria-label="Views">
      <ul>
        {WORKLOAD_TABS.map((name) => (
          <li key={name}>
            <Link to={hrefFor(name)} aria-current={name === tab ? 'page' : undefined} data-tab={name}>
              {LABELS[name]}
              {counts[name] !== undefined && (
                <span className="kube-tab-count"> {formatCount(counts[name])}</span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
