export { LoginForm } from './components/login-form';
export { SessionProvider } from './session-provider';
export { useSession } from './session-context';
export type { Session } from './session-context';
