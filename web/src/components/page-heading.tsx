import { useEffect, useRef, type ReactNode } from 'react';

// The first page of a visit keeps the browser's own focus start (the skip link comes first);
// later page changes move focus to the new heading.
let firstHeading = true;

/**
 * The page's h1, focused when the page changes so keyboard and screen-reader users start at
 * the top of the new content; also sets the document title.
 */
export function PageHeading({ children, title }: { readonly children: ReactNode; readonly title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — Clairscore`;
  }, [title]);
  // on mount only: switching language must not move the focus away from the switch
  useEffect(() => {
    if (firstHeading) firstHeading = false;
    else ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
