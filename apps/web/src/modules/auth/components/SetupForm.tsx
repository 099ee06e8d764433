import { type FormEvent, useState } from 'react';
import { Button } from '../../../ui/Button';
import { FormField, fieldIds } from '../../../ui/FormField';
import { useSetup } from '../hooks/use-auth';

export type SetupFormProps = { token: string; onSignedIn: () => void };

/** First start: the admin account, created with the one-time token of the link in the server log. */
export function SetupForm({ token, onSignedIn }: SetupFormProps) {
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const setup = useSetup();
  const user = fieldIds('setup-username');
  const pass = fieldIds('setup-password');
  const again = fieldIds('setup-repeat');
  const mismatch = repeat.length > 0 && repeat !== password ? 'The passwords differ' : undefined;
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (mismatch) return;
    setup.mutate({ token, username, password }, { onSuccess: onSignedIn });
  };
  return (
    <form className="form" onSubmit={handleSubmit} aria-label="Create the admin account">
      <FormField ids={user} label="Admin user name" required>
        <input id={user.inputId} name="username" autoComplete="username" required value={username} onChange={(event) => setUsername(event.target.value)} />
      </FormField>
      <FormField ids={pass} label="Password" required help="At least 8 characters. Stored as an argon2id hash.">
        <input id={pass.inputId} name="password" type="password" autoComplete="new-password" required minLength={8} value={password} onChange={(event) => setPassword(event.target.value)} />
      </FormField>
      <FormField ids={again} label="Password again" required error={mismatch ?? setup.error?.message}>
        <input id={again.inputId} name="repeat" type="password" autoComplete="new-password" required value={repeat} onChange={(event) => setRepeat(event.target.value)} />
      </FormField>
      <div className="form__actions">
        <Button type="submit" variant="primary" pending={setup.isPending} pendingLabel="Creating…">
          Create admin and sign in
        </Button>
      </div>
    </form>
  );
}
