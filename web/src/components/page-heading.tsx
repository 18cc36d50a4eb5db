import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's h1, focused when the page changes so keyboard and screen-reader users start at
 * the top of the new content; also sets the document title.
 */
export function PageHeading({ children, title }: { readonly children: ReactNode; readonly title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — Clairscore`;
    ref.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
