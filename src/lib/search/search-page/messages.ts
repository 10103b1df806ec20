/**
 * The page's messages with their {placeholders} filled: the words come from the labels JSON the
 * page renders (search-labels.ts), so the Traditional page's words are its own.
 */
import type { MessageKey, SearchLabels } from "../search-labels.ts";

/** Values for a message's placeholders. */
export type MessageValues = Record<string, string | number>;

/** A message by key, its placeholders filled. */
export type Message = (key: MessageKey, values?: MessageValues) => string;

/** A template with its {placeholders} filled; a placeholder without a value stays as written. */
export function fillMessage(template: string, values: MessageValues): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The message function of a page's labels. */
export function messageOf(labels: Pick<SearchLabels, "messages">): Message {
  return (key, values = {}) => fillMessage(labels.messages[key], values);
}
