import { useQuery } from '@tanstack/react-query';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { PageHeader } from '../../shared/components/PageHeader';
import { NeedRole, useCan } from '../auth';
import { usersQuery } from './api/usersApi';
import { CreateUserForm } from './components/CreateUserForm';
import { UsersTable } from './components/UsersTable';
import './users.css';

/** /admin/users: who may sign in and with which role (admins only). */
export function UsersPage() {
  const isAdmin = useCan('admin');
  return (
    <section className="page users-page">
      <PageHeader title="Users">
        <p className="page-subtitle">
          Who may sign in, and with which role. Changing a role or a password signs that user out everywhere.
        </p>
      </PageHeader>
      {isAdmin ? <UsersBody /> : <NeedRole needed="admin" what="Managing users" />}
    </section>
  );
}

function UsersBody() {
  const query = useQuery(usersQuery());
  const users = query.data;
  return (
    <>
      {users ? (
        users.length === 0 ? (
          <EmptyState title="No users yet">
            <p>Add the first one with the form below.</p>
          </EmptyState>
        ) : (
          <UsersTable users={users} />
        )
      ) : query.isError ? (
        <ErrorState
          title="Could not load the users"
          error={query.error}
          hint="Check that the Drivebay server is running and that you are still an admin, then retry."
          onRetry={() => void query.refetch()}
        />
      ) : (
        <LoadingState what="users" />
      )}
      <CreateUserForm />
    </>
  );
}
