import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter, NavLink, Route, Routes } from 'react-router-dom';
import { ContainersPage } from '../pages/ContainersPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { createQueryClient } from './query-client';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <div className="shell">
          <header className="shell__header">
            <span className="shell__brand">
              <img src="/favicon.svg" alt="" width={24} height={24} /> Tidewatch
            </span>
            <nav className="shell__nav" aria-label="Main">
              <NavLink to="/" end>
                Containers
              </NavLink>
              <a href="/api/docs">API docs</a>
            </nav>
          </header>
          <main className="shell__main">
            <Routes>
              <Route path="/" element={<ContainersPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </main>
        </div>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
