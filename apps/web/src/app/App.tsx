import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import '../modules/auth/register';
import { getAppQueryClient } from './query-client';
import { createRouter } from './router';

export function App() {
  const [queryClient] = useState(getAppQueryClient);
  const [router] = useState(createRouter);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
