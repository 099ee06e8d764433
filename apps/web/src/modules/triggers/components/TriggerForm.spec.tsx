import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { emailType, makeTrigger, webhookType } from '../testing/fixtures';
import { TriggerForm } from './TriggerForm';

function renderForm(props: Partial<Parameters<typeof TriggerForm>[0]> = {}) {
  const onSubmit = jest.fn();
  render(<TriggerForm triggerType={webhookType} onSubmit={onSubmit} {...props} />);
  return { onSubmit };
}

describe('TriggerForm (generated from field descriptions)', () => {
  it('renders one labelled control per field, with defaults, help and required marks', () => {
    renderForm();
    expect(screen.getByLabelText(/^URL/)).toHaveAttribute('type', 'url');
    expect(screen.getByLabelText(/^URL/)).toHaveAttribute('aria-required', 'true');
    expect(screen.getByLabelText(/^URL/)).toHaveAccessibleDescription(
      'Receiver URL (http or https).',
    );
    expect(screen.getByLabelText('Method')).toHaveValue('POST');
    expect(
      within(screen.getByLabelText('Auth type')).getByRole('option', { name: 'None' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Timeout')).toHaveValue(10000);
    expect(screen.getByLabelText('Timeout')).toHaveAccessibleDescription(
      'Milliseconds to wait. Default: 10000.',
    );
    expect(screen.getByLabelText('Once')).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'update-available' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'update-failed' })).not.toBeChecked();
    expect(screen.getByLabelText('Title').tagName).toBe('TEXTAREA');
    expect(screen.getByLabelText(/^Secret/)).toHaveAttribute('type', 'password');
  });

  it('blocks submit with a message per invalid field and focuses the first one', async () => {
    const { onSubmit } = renderForm();
    await userEvent.type(screen.getByLabelText('Timeout'), '{selectall}{backspace}');
    await userEvent.click(screen.getByRole('button', { name: 'Create trigger' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Name is required')).toBeInTheDocument();
    expect(screen.getByText('URL is required')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('2 fields need attention.');
    expect(screen.getByLabelText(/^Name/)).toHaveFocus();
    expect(screen.getByLabelText(/^URL/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/^URL/)).toHaveAccessibleDescription(
      'Receiver URL (http or https). URL is required',
    );

    await userEvent.type(screen.getByLabelText(/^Name/), 'ops');
    await userEvent.type(screen.getByLabelText(/^URL/), 'nope');
    expect(screen.getByText(/URL must be a full URL/)).toBeInTheDocument();
    expect(screen.queryByText('Name is required')).not.toBeInTheDocument();
  });

  it('submits the name and only the settings that differ from the defaults', async () => {
    const { onSubmit } = renderForm();
    await userEvent.type(screen.getByLabelText(/^Name/), 'Ops');
    await userEvent.type(screen.getByLabelText(/^URL/), 'http://127.0.0.1:8080/hook');
    await userEvent.type(screen.getByLabelText(/^Secret/), 'hmac-key');
    await userEvent.click(screen.getByRole('checkbox', { name: 'update-failed' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create trigger' }));
    expect(onSubmit).toHaveBeenCalledWith({
      name: 'ops',
      enabled: true,
      configuration: {
        url: 'http://127.0.0.1:8080/hook',
        secret: 'hmac-key',
        events: 'update-available,update-failed',
      },
    });
  });

  it('shows a stored secret as set, sends nothing for it unless changed, and can change it', async () => {
    const { onSubmit } = renderForm({ trigger: makeTrigger() });
    expect(screen.getByLabelText(/^Name/)).toHaveAttribute('readonly');
    expect(screen.getByText('set')).toBeInTheDocument();
    expect(screen.queryByDisplayValue('ab****yz')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSubmit).toHaveBeenLastCalledWith({
      name: 'ops',
      enabled: true,
      configuration: { url: 'http://127.0.0.1:9/hook' },
    });

    await userEvent.click(screen.getByRole('button', { name: 'Change Secret' }));
    const input = screen.getByLabelText(/^Secret/);
    expect(input).toHaveFocus();
    expect(input).toHaveAccessibleDescription(/leave empty to remove the stored one/);
    await userEvent.type(input, 'rotated');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSubmit).toHaveBeenLastCalledWith({
      name: 'ops',
      enabled: true,
      configuration: { url: 'http://127.0.0.1:9/hook', secret: 'rotated' },
    });

    await userEvent.click(screen.getByRole('button', { name: 'Keep current' }));
    expect(screen.getByRole('button', { name: 'Change Secret' })).toBeInTheDocument();
  });

  it('requires a required secret on create but not once it is stored', async () => {
    const onSubmit = jest.fn();
    const { rerender } = render(<TriggerForm triggerType={emailType} onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole('button', { name: 'Create trigger' }));
    expect(screen.getByText('Pass is required')).toBeInTheDocument();
    rerender(
      <TriggerForm
        key="edit"
        triggerType={emailType}
        trigger={makeTrigger({
          id: 'email.team',
          type: 'email',
          name: 'team',
          configuration: { host: 'smtp', to: 'ops@example.com', pass: '****' },
          secretsSet: ['pass'],
        })}
        onSubmit={onSubmit}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSubmit).toHaveBeenCalledWith({
      name: 'team',
      enabled: true,
      configuration: { host: 'smtp', to: 'ops@example.com' },
    });
  });

  it('puts a server message on the field it names, or above the buttons', () => {
    const { rerender } = render(
      <TriggerForm
        triggerType={webhookType}
        onSubmit={jest.fn()}
        serverError="configuration.URL: must use http or https"
      />,
    );
    expect(screen.getByLabelText(/^URL/)).toHaveAccessibleDescription(
      /URL: must use http or https/,
    );
    rerender(
      <TriggerForm
        triggerType={webhookType}
        onSubmit={jest.fn()}
        serverError="Trigger webhook.ops already exists"
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Trigger webhook.ops already exists');
  });

  it('shows progress while saving and ignores a second submit', async () => {
    const { onSubmit } = renderForm({ trigger: makeTrigger(), pending: true });
    const save = screen.getByRole('button', { name: 'Saving' });
    expect(save).toHaveAttribute('aria-busy', 'true');
    await userEvent.click(save);
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
