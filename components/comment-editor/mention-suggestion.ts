// Bridges Tiptap's @-suggestion plugin to React without a popup library: the plugin's render
// callbacks write into this small external store, <MentionList> reads it with
// useSyncExternalStore, and keyboard handling happens here because the plugin asks for it
// synchronously while focus stays in the editor.
import type { MentionSuggestionOptions } from '@/lib/richtext/extensions';

export interface MentionMember {
  id: string;
  name: string;
}

type SuggestionRenderer = ReturnType<NonNullable<MentionSuggestionOptions['render']>>;
type SuggestionProps = Parameters<NonNullable<SuggestionRenderer['onStart']>>[0];
type SuggestionKeyDownProps = Parameters<NonNullable<SuggestionRenderer['onKeyDown']>>[0];

export interface MentionPopupState {
  items: MentionMember[];
  active: number;
  /** Viewport rectangle of the "@query" text; the popup is placed just below it. */
  rect: { left: number; bottom: number } | null;
}

const MAX_ITEMS = 8;

export function filterMembers(members: readonly MentionMember[], query: string): MentionMember[] {
  const q = query.trim().toLowerCase();
  const starts: MentionMember[] = [];
  const contains: MentionMember[] = [];
  for (const m of members) {
    const name = m.name.toLowerCase();
    if (!q || name.startsWith(q) || name.split(/\s+/).some((w) => w.startsWith(q))) starts.push(m);
    else if (name.includes(q)) contains.push(m);
  }
  return [...starts, ...contains].slice(0, MAX_ITEMS);
}

export class MentionController {
  private members: readonly MentionMember[] = [];
  private state: MentionPopupState | null = null;
  private command: ((attrs: { id: string; label: string }) => void) | null = null;
  private readonly listeners = new Set<() => void>();

  setMembers(members: readonly MentionMember[]): void {
    this.members = members;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): MentionPopupState | null => this.state;

  /** True while an "@query" is being typed, even if nothing matches. */
  isOpen(): boolean {
    return this.state !== null;
  }

  select(index: number): void {
    const item = this.state?.items[index];
    if (item && this.command) this.command({ id: item.id, label: item.name });
  }

  /** Suggestion options for commentExtensions({ mentionSuggestion }). */
  suggestion(): Partial<MentionSuggestionOptions> {
    return {
      char: '@',
      items: ({ query }) => filterMembers(this.members, query),
      render: () => ({
        onStart: (props) => this.update(props, 0),
        onUpdate: (props) => this.update(props, this.state?.active ?? 0),
        onKeyDown: (props) => this.keyDown(props),
        onExit: () => this.set(null),
      }),
    };
  }

  private update(props: SuggestionProps, active: number): void {
    this.command = props.command;
    const items = props.items as MentionMember[];
    const rect = props.clientRect?.() ?? null;
    this.set({
      items,
      active: Math.min(active, Math.max(items.length - 1, 0)),
      rect: rect ? { left: rect.left, bottom: rect.bottom } : null,
    });
  }

  private keyDown({ event }: SuggestionKeyDownProps): boolean {
    const state = this.state;
    if (!state || state.items.length === 0) return false;
    const n = state.items.length;
    switch (event.key) {
      case 'ArrowDown':
        this.set({ ...state, active: (state.active + 1) % n });
        return true;
      case 'ArrowUp':
        this.set({ ...state, active: (state.active - 1 + n) % n });
        return true;
      case 'Enter':
      case 'Tab':
        this.select(state.active);
        return true;
      default:
        return false;
    }
  }

  private set(state: MentionPopupState | null): void {
    this.state = state;
    if (!state) this.command = null;
    for (const listener of this.listeners) listener();
  }
}
