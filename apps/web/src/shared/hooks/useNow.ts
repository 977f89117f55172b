import { useEffect, useState } from 'react';

/** The time, refreshed every `ms`, so "in 12 min" does not go stale between live updates. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const handle = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(handle);
  }, [ms]);
  return now;
}
