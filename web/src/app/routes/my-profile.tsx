import { MyNewsletterSection } from '../../features/preferences/components/MyNewsletterSection';
import { MyProfilePage } from '../../features/members/components/MyProfilePage';

/** My profile, with the newsletter topics (the preferences feature's section) after the consents. */
export default function MyProfileRoute() {
  return (
    <MyProfilePage
      newsletter={({ memberVersion, onConsentsChanged }) => (
        <MyNewsletterSection memberVersion={memberVersion} onConsentsChanged={onConsentsChanged} />
      )}
    />
  );
}
