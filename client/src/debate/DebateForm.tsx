/** A small form of labelled text fields for adding to a debate; it clears itself once the server accepted. */
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { Field } from '../ui/Field.tsx';

interface FieldSpec {
  name: string;
  label: string;
  max: number;
  type?: 'text' | 'url';
  multiline?: boolean;
  optional?: boolean;
}

export function DebateForm({
  fields,
  submitLabel,
  onSubmit,
}: {
  fields: FieldSpec[];
  submitLabel: string;
  onSubmit: (values: Record<string, string | undefined>) => Promise<void>;
}) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const complete = fields.every((field) => field.optional || (values[field.name] ?? '').trim() !== '');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!complete) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      setValues({});
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const set = (name: string, value: string) => setValues((current) => ({ ...current, [name]: value }));
  return (
    <form class="debate-form" onSubmit={(e) => void submit(e)}>
      {fields.map((field) => (
        <Field key={field.name} label={field.label}>
          {(props) =>
            field.multiline ? (
              <textarea {...props} rows={2} maxLength={field.max} value={values[field.name] ?? ''} onInput={(e) => set(field.name, e.currentTarget.value)} />
            ) : (
              field.type === 'url' ? (
                <input {...props} type="url" maxLength={field.max} value={values[field.name] ?? ''} onInput={(e) => set(field.name, e.currentTarget.value)} />
              ) : (
                <input {...props} type="text" maxLength={field.max} value={values[field.name] ?? ''} onInput={(e) => set(field.name, e.currentTarget.value)} />
              )
            )
          }
        </Field>
      ))}
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy || !complete}>
        {submitLabel}
      </button>
    </form>
  );
}
