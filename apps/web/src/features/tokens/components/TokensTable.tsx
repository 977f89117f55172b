import type { ApiToken } from '@drivebay/api-types';
import { formatShortTimestamp } from '../../../shared/format/time';
import { useNow } from '../../../shared/hooks/useNow';
import { tokenStatus } from '../model/tokens';
import { RevokeTokenButton } from './RevokeTokenButton';
import { TokenStatusBadge } from './TokenStatusBadge';

/** The tokens with their scopes, dates and state; active ones can be revoked. */
export function TokensTable({ tokens, showOwner }: { tokens: readonly ApiToken[]; showOwner: boolean }) {
  const now = useNow();
  return (
    <div className="table-scroll">
      <table className="data-table tokens-table">
        <caption className="visually-hidden">API tokens</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            {showOwner && <th scope="col">Owner</th>}
            <th scope="col">Scopes</th>
            <th scope="col">State</th>
            <th scope="col">Created (UTC)</th>
            <th scope="col">Expires (UTC)</th>
            <th scope="col">Last used (UTC)</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => {
            const status = tokenStatus(token, now);
            return (
              <tr key={token.id} data-token-id={token.id} data-token-status={status}>
                <th scope="row">{token.name}</th>
                {showOwner && <td>{token.owner}</td>}
                <td>{token.scopes.join(', ')}</td>
                <td>
                  <TokenStatusBadge status={status} />
                </td>
                <td>
                  <time dateTime={token.createdAt}>{formatShortTimestamp(token.createdAt)}</time>
                </td>
                <td>
                  <time dateTime={token.expiresAt}>{formatShortTimestamp(token.expiresAt)}</time>
                </td>
                <td>
                  {token.lastUsedAt ? (
                    <time dateTime={token.lastUsedAt}>{formatShortTimestamp(token.lastUsedAt)}</time>
                  ) : (
                    <span className="muted">never</span>
                  )}
                </td>
                <td>{status === 'active' && <RevokeTokenButton token={token} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
