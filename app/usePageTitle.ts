/** Sets the document title for a page, so tabs, history and screen readers name each route. */
import { useEffect } from 'react';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · EDA Lab` : 'EDA Lab';
  }, [title]);
}
