import type { ReactNode } from 'react';

/** A clear "nothing here yet" with what to do about it. */
export function EmptyState({ title, children }: { readonly title: string; readonly children?: ReactNode }) {
  return (
    <section className="empty-state" data-empty-state>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
