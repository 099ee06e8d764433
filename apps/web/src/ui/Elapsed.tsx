import { useEffect, useState } from 'react';

export type ElapsedProps = { since: number };

/** Seconds since `since`, ticking: long actions show they are alive. */
export function Elapsed({ since }: ElapsedProps) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  return <span className="elapsed">{seconds} s</span>;
}
