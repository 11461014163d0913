// A link inside the console: navigates without reloading; a modified click (new tab) is left to
// the browser.
import type { ComponentChildren } from 'preact';
import { navigate } from '../router';

interface Props {
  href: string;
  children: ComponentChildren;
  class?: string;
  'aria-current'?: 'page' | undefined;
}

export function Link(props: Props) {
  return (
    <a
      href={props.href}
      class={props.class}
      aria-current={props['aria-current']}
      onClick={(e: MouseEvent) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}

export function CaseLink({ id, children }: { id: string; children?: ComponentChildren }) {
  return <Link href={`/cases/${encodeURIComponent(id)}`}>{children ?? id}</Link>;
}
