import type { ComponentChildren } from 'preact';

/** Text for screen readers only (e.g. "inséré :" before an insertion). */
export function VisuallyHidden({ children }: { children: ComponentChildren }) {
  return <span class="visually-hidden">{children}</span>;
}
