// A table that may be wider than a narrow screen: it scrolls sideways inside a named region that can take keyboard focus,
// so people without a pointing device can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
import type { ComponentChildren } from "preact";

export function TableWrap(props: { labelledBy: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-labelledby={props.labelledBy}>
      {props.children}
    </div>
  );
}
