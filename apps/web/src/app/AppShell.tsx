import { Suspense } from 'react';
import { NavLink, Outlet, ScrollRestoration } from 'react-router-dom';
import { LoadingState } from '../ui/LoadingState';
import { Toaster } from '../ui/Toaster';
import { useLiveEvents } from './live-events';
import { type LiveStatus, useLiveStatus } from './live-status';

const NAV = [
  { to: '/', label: 'Overview', end: true },
  { to: '/containers', label: 'Containers', end: false },
  { to: '/triggers', label: 'Triggers', end: false },
  { to: '/history', label: 'History', end: false },
  { to: '/hosts', label: 'Hosts & registries', end: false },
  { to: '/settings', label: 'Settings', end: false },
];

const LIVE_TEXT: Record<LiveStatus, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  offline: 'Offline: refreshing every 30 s',
};

/** Header, navigation and the live-updates indicator around every page. */
export function AppShell() {
  useLiveEvents();
  const live = useLiveStatus();
  return (
    <Toaster>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="shell">
        <header className="shell__header">
          <NavLink to="/" className="shell__brand" aria-label="Tidewatch home">
            <img src="/favicon.svg" alt="" width={24} height={24} /> Tidewatch
          </NavLink>
          <nav className="shell__nav" aria-label="Main">
            {NAV.map((item) => (
              <NavLink key={item.to} to={item.to} end={item.end}>
                {item.label}
              </NavLink>
            ))}
          </nav>
          <span
            className={`live live--${live}`}
            role="status"
            title="Live updates from the server (Server-Sent Events)"
            data-testid="live-status"
          >
            <span className="live__dot" aria-hidden="true" />
            <span className="live__text">{LIVE_TEXT[live]}</span>
          </span>
        </header>
        <main id="main" className="shell__main" tabIndex={-1}>
          <Suspense fallback={<LoadingState label="Loading page" />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      <ScrollRestoration />
    </Toaster>
  );
}
