/** The message of the error a test expects: the checks throw Errors (DataError, SyntaxError, …). */
const messageText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The message of the error `fn` throws; a failure if it does not throw. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return messageText(error);
  }
  throw new Error('expected an error, but it was accepted');
}

/** The message of the error `fn` throws, or '' when it accepts (for tests that assert both outcomes). */
export function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return messageText(error);
  }
  return '';
}
