/** A padlock, beside the words "locked until". */
export function LockIcon() {
  return (
    <svg className="lock-icon" viewBox="0 0 14 14" width="14" height="14" aria-hidden="true">
      <rect x="2.5" y="6" width="9" height="7" rx="1.2" />
      <path d="M4.5 6 V4.2 A2.5 2.5 0 0 1 9.5 4.2 V6" fill="none" />
    </svg>
  );
}
