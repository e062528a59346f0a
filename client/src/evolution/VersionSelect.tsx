/** A labelled choice among a bill's versions, named by their step and date. */
import type { VersionSummary } from '../../../shared/api/bills.ts';
import { stageLabel } from '../bill/stepLabels.ts';
import { formatDate, useLanguage, useT } from '../i18n/i18n.ts';
import { Field } from '../ui/Field.tsx';

/** "1ère lecture · Sénat · Commission (12 janvier 2016)" */
export function useVersionName(): (version: VersionSummary) => string {
  const t = useT();
  const lang = useLanguage();
  return (version) => `${stageLabel(t, version)}${version.date ? ` (${formatDate(lang, version.date)})` : ''}`;
}

export function VersionSelect({ label, versions, value, onChange }: {
  label: string;
  versions: readonly VersionSummary[];
  value: string | undefined;
  onChange: (versionId: string) => void;
}) {
  const nameOf = useVersionName();
  return (
    <Field label={label}>
      {(props) => (
        <select {...props} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
          {versions.map((version) => (
            <option key={version.id} value={version.id}>
              {nameOf(version)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
