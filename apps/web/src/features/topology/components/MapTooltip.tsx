import { DetailList, type DetailRow } from '../../../shared/components/DetailList';
import { describeDrive, describeEnclosure } from '../details/driveDetails';
import type { HoverInfo } from '../map/MapController';
import { driveInBay, type TopologyModel } from '../model/topologyModel';

/** Details of whatever is under the pointer, kept beside it and inside the map. */
export function MapTooltip({ model, hover }: { model: TopologyModel; hover: HoverInfo }) {
  const { title, rows } = tooltipContent(model, hover);
  const flipX = hover.x > hover.width / 2;
  const flipY = hover.y > hover.height / 2;
  const style = {
    left: flipX ? undefined : hover.x + 16,
    right: flipX ? hover.width - hover.x + 16 : undefined,
    top: flipY ? undefined : hover.y + 16,
    bottom: flipY ? hover.height - hover.y + 16 : undefined,
  };
  return (
    <div className="map-tooltip" role="tooltip" style={style}>
      <p className="map-tooltip-title">{title}</p>
      <DetailList rows={rows} />
    </div>
  );
}

function tooltipContent(model: TopologyModel, hover: HoverInfo): { title: string; rows: DetailRow[] } {
  const { hit } = hover;
  const enclosure = model.enclosures.get(hit.enclosure.id);
  if (hit.kind === 'bay') {
    const drive = driveInBay(model, hit.enclosure.id, hit.bay);
    if (drive) return { title: `Drive ${drive.id}`, rows: describeDrive(model, drive) };
    return {
      title: `Empty bay ${hit.bay}`,
      rows: [{ label: 'Enclosure', value: `${hit.enclosure.name} (${hit.enclosure.id})` }],
    };
  }
  return { title: hit.enclosure.name, rows: enclosure ? describeEnclosure(model, enclosure) : [] };
}
