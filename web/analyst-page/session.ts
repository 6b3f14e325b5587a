/**
 * The analyst's token lives in sessionStorage only: gone when the tab closes, never in a URL, a
 * cookie or a log line.
 */
const KEY = 'register.analystToken';

export const storedToken = (): string | null => sessionStorage.getItem(KEY);
export const storeToken = (token: string): void => sessionStorage.setItem(KEY, token);
export const forgetToken = (): void => sessionStorage.removeItem(KEY);
