/** The product's mark: two drive sleds. */
export function BrandMark({ size = 18 }: { size?: number }) {
  return (
    <svg viewBox="0 0 16 16" width={size} height={size} aria-hidden="true" className="brand-mark">
      <rect x="1" y="2" width="14" height="4" rx="1" />
      <rect x="1" y="10" width="14" height="4" rx="1" />
    </svg>
  );
}
