import type { CreatedToken } from '@drivebay/api-types';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { PageHeader } from '../../shared/components/PageHeader';
import { useSessionInfo } from '../auth';
import { tokensQuery } from './api/tokensApi';
import { CreateTokenForm } from './components/CreateTokenForm';
import { NewTokenSecret } from './components/NewTokenSecret';
import { TokensTable } from './components/TokensTable';
import './tokens.css';

/** /account/tokens: API tokens for scripts, the new one's secret shown once, and revoking. */
export function TokensPage() {
  const info = useSessionInfo();
  const query = useQuery(tokensQuery());
  const [created, setCreated] = useState<CreatedToken>();
  const tokens = query.data;
  const isAdmin = info?.user.role === 'admin';
  return (
    <section className="page tokens-page">
      <PageHeader title="API tokens">
        <p className="page-subtitle">
          Scripts call the API with <code>Authorization: Bearer &lt;token&gt;</code>. A token acts as you,
          limited to its scopes{isAdmin ? '; as an admin you see everyone’s tokens' : ''}.
        </p>
      </PageHeader>
      {created && <NewTokenSecret created={created} onDone={() => setCreated(undefined)} />}
      {tokens ? (
        tokens.length === 0 ? (
          <EmptyState title="No API tokens yet">
            <p>
              Create one below for each script or tool, so you can revoke one without breaking the others.
            </p>
          </EmptyState>
        ) : (
          <TokensTable tokens={tokens} showOwner={isAdmin} />
        )
      ) : query.isError ? (
        <ErrorState
          title="Could not load your API tokens"
          error={query.error}
          hint="Check that the Drivebay server is running and reachable from this browser, then retry."
          onRetry={() => void query.refetch()}
        />
      ) : (
        <LoadingState what="API tokens" />
      )}
      {info && <CreateTokenForm role={info.user.role} onCreated={setCreated} />}
    </section>
  );
}
