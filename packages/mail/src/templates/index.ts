export { type AccountMessage, accountEmail } from './account';
export { dealRef, KIND_TEMPLATES, type Var } from './catalogue';
export { messageIdOf, TemplateComposer } from './composer';
export { formattersFor, LOCALES } from './formatters';
export { placeholders, TemplateError } from './interpolate';
export { escapeHtml } from './layout';
export { MESSAGES, type MessageKey, type Messages } from './messages';
