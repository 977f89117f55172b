/** The hatched swatch an offline enclosure is drawn with. */
export function OfflineEnclosureIcon() {
  return (
    <svg
      className="health-icon offline-enclosure-icon"
      viewBox="0 0 14 14"
      width="14"
      height="14"
      aria-hidden="true"
    >
      <rect x="1" y="1" width="12" height="12" rx="1.5" strokeDasharray="3 2" />
      <path d="M1 9 L9 1 M5 13 L13 5" />
    </svg>
  );
}
