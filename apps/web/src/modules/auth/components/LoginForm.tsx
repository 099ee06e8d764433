import { type FormEvent, useState } from 'react';
import { Button } from '../../../ui/Button';
import { FormField, describedBy, fieldIds } from '../../../ui/FormField';
import { useLogin } from '../hooks/use-auth';

export type LoginFormProps = { onSignedIn: () => void };

/** User name and password. */
export function LoginForm({ onSignedIn }: LoginFormProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();
  const user = fieldIds('login-username');
  const pass = fieldIds('login-password');
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username, password }, { onSuccess: onSignedIn });
  };
  return (
    <form className="form" onSubmit={handleSubmit} aria-label="Sign in with a password">
      <FormField ids={user} label="User name" required>
        <input id={user.inputId} name="username" autoComplete="username" required value={username} onChange={(event) => setUsername(event.target.value)} />
      </FormField>
      <FormField ids={pass} label="Password" required error={login.error?.message}>
        <input
          id={pass.inputId}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          aria-invalid={login.isError || undefined}
          aria-describedby={describedBy(pass, false, login.isError)}
          onChange={(event) => setPassword(event.target.value)}
        />
      </FormField>
      <div className="form__actions">
        <Button type="submit" variant="primary" pending={login.isPending} pendingLabel="Signing in…">
          Sign in
        </Button>
      </div>
    </form>
  );
}
