import { PreferencesPage } from '../../features/preferences/components/PreferencesPage';

/** The newsletter preference page a mail's link opens, without signing in. */
export default function PreferencesRoute() {
  return <PreferencesPage />;
}
