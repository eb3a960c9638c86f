import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { countUnreadNotifications } from "@/db/queries/notifications";
import { getViewer } from "@/lib/auth/session";

export async function SiteHeader() {
  const viewer = await getViewer();
  const unread = viewer ? await countUnreadNotifications(viewer.id) : 0;
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-bold no-underline">
          <span aria-hidden="true" className="text-brand">◎ </span>Common Thread
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-1 text-sm">
          <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/activities">Activities</Link>
          <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/groups">Groups</Link>
          <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/projects" data-testid="projects-link">Projects</Link>
          {viewer ? (
            <>
              <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/me/participation" data-testid="me-link">My connections</Link>
              <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/notifications" data-testid="notifications-link">
                Notifications
                {unread > 0 ? (
                  <span className="ml-1.5 rounded-full bg-brand px-2 py-0.5 text-xs font-semibold text-brand-ink" data-testid="header-unread-count">
                    {unread > 99 ? "99+" : unread}
                    <span className="sr-only"> unread</span>
                  </span>
                ) : null}
              </Link>
              <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/account" data-testid="account-link">
                {viewer.name}
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="rounded-md px-3 py-2 hover:bg-brand-soft" data-testid="sign-out">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/signin" data-testid="sign-in-link">Sign in</Link>
              <Link className="rounded-md bg-brand px-3 py-2 font-semibold text-brand-ink" href="/signup" data-testid="sign-up-link">
                Join
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
