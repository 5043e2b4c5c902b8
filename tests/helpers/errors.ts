/** Message of the error `fn` throws, or a failure if it does not throw. */
export function errorOf(fn: () => void): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}
