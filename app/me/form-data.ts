/** Server actions take only what a form posts; anything else is refused with the action's usual error. */
export function notFormData(value: unknown): boolean {
  return !(value instanceof FormData);
}
